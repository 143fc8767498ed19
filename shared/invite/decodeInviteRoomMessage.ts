import { err, ok, type Result } from '../util/result.ts';
import {
  FIXED_BODY_BYTES,
  INVITE_ROOM_FRAME_VERSION,
  INVITE_ROOM_KINDS,
  MAX_INVITE_ROOM_FRAME_BYTES,
  type InviteRoomMessage,
  type InviteRoomMessageKind,
} from './InviteRoomMessage.ts';

const KIND_BY_BYTE = new Map<number, InviteRoomMessageKind>(
  Object.entries(INVITE_ROOM_KINDS).map(([k, v]) => [v, k as InviteRoomMessageKind]),
);

/**
 * Unframes one invite-room message: size cap first, then version, kind and (for fixed-size kinds)
 * exact body length. The body is still sealed: hand it to the matching open function.
 */
export function decodeInviteRoomMessage(
  frame: Uint8Array,
): Result<InviteRoomMessage, 'too_large' | 'unsupported_version' | 'malformed'> {
  if (frame.length > MAX_INVITE_ROOM_FRAME_BYTES) return err('too_large');
  if (frame.length < 2) return err('malformed', 'too short');
  if (frame[0] !== INVITE_ROOM_FRAME_VERSION) return err('unsupported_version');
  const kind = KIND_BY_BYTE.get(frame[1] ?? 0);
  if (kind === undefined) return err('malformed', 'unknown kind');
  const body = frame.slice(2);
  const fixed = FIXED_BODY_BYTES[kind];
  if (fixed !== undefined && body.length !== fixed) return err('malformed', 'wrong body length');
  return ok({ kind, body });
}
