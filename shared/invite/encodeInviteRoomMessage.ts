import { concatBytes } from '../crypto/bytes.ts';
import {
  INVITE_ROOM_FRAME_VERSION,
  INVITE_ROOM_KINDS,
  type InviteRoomMessage,
} from './InviteRoomMessage.ts';

/** Frames a sealed body (from sealJoinRequest, sealInviteNotice or sealWelcome) for the invite room. */
export function encodeInviteRoomMessage(message: InviteRoomMessage): Uint8Array {
  return concatBytes(
    new Uint8Array([INVITE_ROOM_FRAME_VERSION, INVITE_ROOM_KINDS[message.kind]]),
    message.body,
  );
}
