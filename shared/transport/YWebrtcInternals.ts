/**
 * The parts of y-webrtc 10.3's objects this adapter reads or guards (node_modules/y-webrtc/src/
 * y-webrtc.js). Its own typings say `any` for most of them; these say what the code relies on.
 */

export type Handler = (...args: unknown[]) => void;

/** lib0 Observable as y-webrtc's classes use it. */
export interface ObservableInternals {
  on(name: string, f: Handler): void;
  off(name: string, f: Handler): void;
  emit(name: string, args: unknown[]): void;
}

/** SignalingConn (a lib0 WebsocketClient), shared per URL by every room of the JS context. */
export interface SignalingConnInternals extends ObservableInternals {
  readonly url: string;
  readonly connected: boolean;
  /** Attempts that closed before opening since the last open (0 while the first one runs). */
  readonly unsuccessfulReconnects: number;
  readonly ws: { readonly readyState: number } | null;
  /** The providers that opened this socket (y-webrtc adds and removes them). */
  readonly providers: ReadonlySet<{ readonly roomName: string }>;
  send(message: unknown): void;
}

/** simple-peer instance (a Node-style EventEmitter). */
export interface SimplePeerInternals {
  on(event: string, f: () => void): void;
  destroy(): void;
}

export interface WebrtcConnInternals {
  readonly connected: boolean;
  readonly peer: SimplePeerInternals;
}

export interface RoomInternals {
  readonly name: string;
  readonly peerId: string;
  /** The AES-GCM CryptoKey derived from the password; null without a password. */
  readonly key: unknown;
  readonly webrtcConns: Map<string, WebrtcConnInternals>;
  /** lib0 mutex that guards BroadcastChannel publishes. */
  mux: (f: () => void, g?: () => void) => void;
}

export interface ProviderInternals extends ObservableInternals {
  readonly room: RoomInternals | null;
  readonly signalingConns: readonly SignalingConnInternals[];
  readonly key: PromiseLike<unknown>;
  disconnect(): void;
  destroy(): void;
}
