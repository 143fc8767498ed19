import { INVITE_NOTICE_SEALED_BYTES } from './InviteNotice.ts';
import { JOIN_REQUEST_SEALED_BYTES } from './joinRequestFormat.ts';
import { MAX_WELCOME_SEALED_BYTES } from './welcomeFormat.ts';

/**
 * What travels in an invite room: frame version u8 || kind u8 || sealed body. Only peers holding s
 * are in the room, and they can open requests and notices anyway, so the kind byte tells them
 * nothing new; the rendezvous server sees none of it (frames travel sealed again under the room
 * password: shared/join/sealInviteChannelMessage.ts). Bodies: join_request and notice are sealed
 * under the invite key (fixed sizes), welcome is sealed to the joiner's box key (Padmé-padded).
 */
export const INVITE_ROOM_FRAME_VERSION = 1;
export const INVITE_ROOM_KINDS = { join_request: 1, notice: 2, welcome: 3 } as const;
export type InviteRoomMessageKind = keyof typeof INVITE_ROOM_KINDS;

export interface InviteRoomMessage {
  readonly kind: InviteRoomMessageKind;
  readonly body: Uint8Array;
}

/** Largest frame: a welcome plus the two header bytes. Larger frames are dropped unread. */
export const MAX_INVITE_ROOM_FRAME_BYTES = 2 + MAX_WELCOME_SEALED_BYTES;

/** Exact body size per kind, where it is fixed. */
export const FIXED_BODY_BYTES: Partial<Record<InviteRoomMessageKind, number>> = {
  join_request: JOIN_REQUEST_SEALED_BYTES,
  notice: INVITE_NOTICE_SEALED_BYTES,
};
