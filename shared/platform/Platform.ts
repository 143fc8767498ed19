import type { Result } from '../util/result.ts';
import type {
  LockReason,
  PdfOptions,
  PlatformError,
  PlatformInfo,
  SaveKind,
  WebRtcIpPolicy,
} from './ipcContract.ts';

export type { LockReason, PdfOptions, PlatformError, PlatformInfo, SaveKind, WebRtcIpPolicy };

/**
 * The platform port: everything the UI needs from its host (Electron or a plain browser).
 * Adapters live in renderer/platform/. Fallible methods resolve to a Result and never reject.
 */
export interface Platform {
  readonly kind: 'electron' | 'browser';
  info(): Promise<PlatformInfo>;
  /** Opens an https: link outside the app after the user confirms; `opened` false if declined. */
  openExternal(url: string): Promise<Result<{ opened: boolean }, PlatformError>>;
  /** `listener` runs when the OS locks or suspends: lock the vault. Returns unsubscribe. */
  onLockRequest(listener: (reason: LockReason) => void): () => void;
  /**
   * Wipes the host's storage for this app. `relaunching` true: the host restarts the app itself
   * (Electron); false: the caller must reload the page after its own wipe (browser).
   */
  panicWipe(): Promise<Result<{ relaunching: boolean }, PlatformError>>;
  /** Asks the OS to keep this window out of screenshots; `supported` false where it cannot. */
  setContentProtection(on: boolean): Promise<Result<{ supported: boolean }, PlatformError>>;
  /** Relay-only: no WebRTC over UDP except through a proxy/TURN, so peers never see our IP. */
  setRelayOnly(on: boolean): Promise<Result<{ policy: WebRtcIpPolicy }, PlatformError>>;
  /** Starts a rendezvous server for the local network; returns the URLs peers can use. */
  startLanRendezvous(
    host: string,
    port: number,
  ): Promise<Result<{ urls: string[] }, PlatformError>>;
  stopLanRendezvous(): Promise<Result<{ stopped: boolean }, PlatformError>>;
  /** Renders self-contained HTML (no scripts, no network) to PDF bytes. */
  printToPdf(html: string, options: PdfOptions): Promise<Result<Uint8Array, PlatformError>>;
  /**
   * Saves an export where the user chooses: a native save dialog (Electron) or the browser's
   * download. `saved` false: the user cancelled. `name` is a suggestion; hosts clean it.
   */
  saveFile(
    name: string,
    kind: SaveKind,
    data: Uint8Array,
  ): Promise<Result<{ saved: boolean }, PlatformError>>;
  /**
   * A desktop notification (Electron); `shown` false where there is none (the browser build, an
   * OS without notifications). Callers pass fixed text only: the OS may keep a history of them.
   */
  notify(title: string, body: string): Promise<Result<{ shown: boolean }, PlatformError>>;
}
