import type { InviteRoomMessage } from '../invite/InviteRoomMessage.ts';
import type { RoomStatus } from '../transport/Transport.ts';

/** One side's view of an invite room: validated frames in, own frames out. */
export interface InviteRoom {
  /**
   * Adds a frame to the wire doc (on the next microtask, never inside a Yjs observer). It stays
   * there: if a peer deletes or overwrites it, it is put back. False if the frame is oversize.
   */
  publish(message: InviteRoomMessage): boolean;
  status(): RoomStatus;
  /** Leaves the room (Room.close: disconnect before destroy) and destroys the wire doc. Idempotent. */
  close(): void;
}
