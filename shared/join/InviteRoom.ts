import type { InviteRoomMessage } from '../invite/InviteRoomMessage.ts';
import type { RoomStatus } from '../transport/Transport.ts';

/**
 * One side's view of an invite room: validated frames in, own frames out. Two implementations
 * (openInviteRoom.ts): the rendezvous pub/sub alone, and a wire doc on a mesh Transport.
 */
export interface InviteRoom {
  /**
   * Sends a frame and keeps it available to peers for as long as the room is open: re-sent on
   * the pub/sub, put back into a mesh wire doc if a peer deletes or overwrites it (never inside a
   * Yjs observer). False if the frame is oversize or the room closed.
   */
  publish(message: InviteRoomMessage): boolean;
  /** `peers` counts direct (WebRTC) connections: always 0 on the pub/sub. */
  status(): RoomStatus;
  /** Leaves the room, releasing every socket, connection and timer. Idempotent. */
  close(): void;
}
