import type { Result } from '../util/result.ts';
import type {
  LockReason,
  PdfOptions,
  PlatformError,
  PlatformInfo,
  SaveKind,
  WebRtcIpPolicy,
} from './ipcContract.ts';

/**
 * `window.quire`, the only object the preload exposes. Narrow, typed methods, one per channel of
 * ipcContract.ts: no raw ipcRenderer, no generic invoke. Every method resolves, never rejects.
 */
export interface QuireApi {
  info(): Promise<Result<PlatformInfo, PlatformError>>;
  openExternal(url: string): Promise<Result<{ opened: boolean }, PlatformError>>;
  panicWipe(): Promise<Result<{ relaunching: boolean }, PlatformError>>;
  setContentProtection(on: boolean): Promise<Result<{ supported: boolean }, PlatformError>>;
  setRelayOnly(on: boolean): Promise<Result<{ policy: WebRtcIpPolicy }, PlatformError>>;
  startLanRendezvous(
    host: string,
    port: number,
  ): Promise<Result<{ urls: string[] }, PlatformError>>;
  stopLanRendezvous(): Promise<Result<{ stopped: boolean }, PlatformError>>;
  printToPdf(
    html: string,
    options: PdfOptions,
  ): Promise<Result<{ pdf: Uint8Array }, PlatformError>>;
  saveFile(
    name: string,
    kind: SaveKind,
    data: Uint8Array,
  ): Promise<Result<{ saved: boolean }, PlatformError>>;
  notify(title: string, body: string): Promise<Result<{ shown: boolean }, PlatformError>>;
  /** Calls `listener` on every lock request from main; returns the unsubscribe function. */
  onLock(listener: (reason: LockReason) => void): () => void;
}
