import type { InviteSecrets } from '../invite/deriveInviteSecrets.ts';
import type { InviteRoomMessage, InviteRoomMessageKind } from '../invite/InviteRoomMessage.ts';
import type { IceServer } from '../transport/Transport.ts';
import type { InviteTransport } from './InviteTransport.ts';
import type { JoinCounters } from './JoinCounters.ts';

/**
 * Bytes of distinct frames one side hashes and opens at most; later frames are dropped. A budget
 * in bytes, not a count: a count would let an insider crowd out the real request with a few
 * hundred cheap junk frames, while 64 MiB of junk is a wire doc the transport must refuse anyway.
 */
export const DEFAULT_MAX_EXAMINED_BYTES = 64 * 1024 * 1024;

export interface InviteRoomOptions {
  /** The rendezvous pub/sub (the app, the CLI), or a mesh Transport (in-memory simulations). */
  readonly transport: InviteTransport;
  readonly secrets: Pick<InviteSecrets, 'roomName' | 'roomPassword'>;
  /** The rendezvous URLs: the code's for a joiner, the cell's for a coordinator. */
  readonly signaling: readonly string[];
  /** Mesh only: the rendezvous room makes no WebRTC connection. */
  readonly iceServers?: readonly IceServer[];
  readonly relayOnly?: boolean;
  /** Kinds this side reads. Others are counted as ignored, without opening. */
  readonly accept: readonly InviteRoomMessageKind[];
  /** Called once per distinct frame that passed the size cap, frame decode and key check. */
  readonly onMessage: (message: InviteRoomMessage) => void;
  readonly counters: JoinCounters;
  readonly maxExaminedBytes?: number;
}
