/** Where and how this page meets its peers (for now, from the page URL; later from the cell). */
export interface SyncConfig {
  /** Rendezvous (y-webrtc signaling) URLs. Never empty: the public default must never be used. */
  readonly signaling: readonly string[];
  readonly room: string;
  /** y-webrtc `password`: protects signaling messages only. */
  readonly password: string;
  /** STUN servers; empty means host candidates only (same machine or LAN). */
  readonly iceServers: readonly string[];
}

export type SyncConfigError =
  'no-signal' | 'no-room' | 'bad-signal' | 'bad-room' | 'bad-ice' | 'bad-secret';
