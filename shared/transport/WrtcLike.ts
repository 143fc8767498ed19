/**
 * Structural types for the few WebRTC classes y-webrtc (through simple-peer) is given. shared/ is
 * compiled without the DOM library, so these say only what the chunking wrapper relies on; the
 * browser's and @roamhq/wrtc's classes both fit.
 */

/** A constructor of peer connections (window.RTCPeerConnection, @roamhq/wrtc's). */
export type RtcPeerConnectionClass = new (...args: never[]) => object;

/** What simple-peer's `opts.wrtc` must hold. */
export interface WrtcLike {
  readonly RTCPeerConnection: RtcPeerConnectionClass;
  readonly RTCSessionDescription: unknown;
  readonly RTCIceCandidate: unknown;
}

/** The parts of a real RTCDataChannel the wrapper uses itself. */
export interface RealDataChannel {
  readonly readyState: string;
  readonly bufferedAmount: number;
  /** A number where the platform fires `bufferedamountlow` (browsers); absent in @roamhq/wrtc. */
  bufferedAmountLowThreshold?: number;
  binaryType: string;
  onmessage: ((event: { readonly data: unknown }) => void) | null;
  onbufferedamountlow?: (() => void) | null;
  send(data: Uint8Array): void;
  close(): void;
  addEventListener?(type: string, listener: (event: unknown) => void): void;
}

/** A handler or listener as user code (simple-peer) installs it on the wrapped channel. */
export type ChannelListener = (event: unknown) => void;
