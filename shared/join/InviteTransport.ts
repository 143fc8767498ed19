import type { Scheduler } from '../sync/Scheduler.ts';
import type { SignalingSockets } from '../transport/SignalingSocket.ts';
import type { Transport } from '../transport/Transport.ts';

/**
 * The invite room over the rendezvous server's pub/sub only (docs/PROTOCOL.md §10.3): sealed
 * frames published on the room's topic, no WebRTC, so nobody holding the code learns the address
 * of the coordinator or of the joiner. What the app and the CLI use.
 */
export interface RendezvousInvites {
  readonly sockets: SignalingSockets;
  /** Timers and clock; real ones by default. */
  readonly scheduler?: Scheduler;
  /** [0, 1) for the jitter of re-sends and reconnects; Math.random by default. */
  readonly random?: () => number;
  /** The room's sockets open a random time below this after it opens (default 0). */
  readonly connectJitterMs?: number;
}

/**
 * Where an invite room lives: the rendezvous pub/sub (RendezvousInvites), or a wire doc on a mesh
 * Transport (in-memory simulations; over y-webrtc every holder of the code would get a direct
 * connection to this device, and with it its IP address).
 */
export type InviteTransport = RendezvousInvites | Transport;

export const isRendezvousInvites = (t: InviteTransport): t is RendezvousInvites =>
  'sockets' in t && typeof t.sockets === 'object';

/** What the app and `quire serve` use for connectJitterMs: like the cell rooms' 2 s. */
export const INVITE_CONNECT_JITTER_MS = 2_000;
