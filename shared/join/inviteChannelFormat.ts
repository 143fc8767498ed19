import { AEAD_NONCE_BYTES, AEAD_TAG_BYTES } from '../crypto/aeadSeal.ts';
import { MAX_INVITE_ROOM_FRAME_BYTES } from '../invite/InviteRoomMessage.ts';

/**
 * The invite room on the rendezvous pub/sub (docs/PROTOCOL.md §10.3): every message published on
 * the room's topic is one sealed channel message, base64 in the `data` field of a y-webrtc
 * `publish`. Plaintext, big-endian:
 *
 *   hello = u8(1) ‖ u8(1) ‖ peerId (16)                               "I have just (re)subscribed"
 *   part  = u8(1) ‖ u8(2) ‖ frameKey (16) ‖ u32(frameLength) ‖ u16(index) ‖ u16(count) ‖ bytes
 *
 * A frame (§10.3) travels as `count` = max(1, ⌈frameLength / PART_BYTES⌉) parts of PART_BYTES
 * each, the last one holding the rest, so every field of a part can be checked alone and parts
 * may arrive in any order. frameKey is the frame's content address (inviteFrameKey), checked once
 * the frame is whole.
 */
export const INVITE_CHANNEL_VERSION = 1;
export const INVITE_CHANNEL_TYPES = { hello: 1, part: 2 } as const;
export const INVITE_CHANNEL_PEER_ID_BYTES = 16;
export const INVITE_CHANNEL_KEY_BYTES = 16;
/** Frame bytes per part: 32 KiB, so one message stays far below a rendezvous server's cap. */
export const INVITE_CHANNEL_PART_BYTES = 32 * 1024;
export const INVITE_CHANNEL_HEADER_BYTES = 2;
export const INVITE_CHANNEL_PART_HEADER_BYTES =
  INVITE_CHANNEL_HEADER_BYTES + INVITE_CHANNEL_KEY_BYTES + 4 + 2 + 2;
/** Parts of the largest frame (a 4 MiB welcome): 129. */
export const MAX_INVITE_CHANNEL_PARTS = Math.ceil(
  MAX_INVITE_ROOM_FRAME_BYTES / INVITE_CHANNEL_PART_BYTES,
);
/**
 * Plaintexts are padded (ISO/IEC 7816-4) to a multiple of this, so a hello, a join request and a
 * notice are the same size on the wire, and a welcome shows its size only to 512 bytes.
 */
export const INVITE_CHANNEL_PAD_BLOCK = 512;

export const paddedChannelLength = (plaintextLength: number): number =>
  Math.ceil((plaintextLength + 1) / INVITE_CHANNEL_PAD_BLOCK) * INVITE_CHANNEL_PAD_BLOCK;

/** Largest sealed message: a full part, padded, plus the AEAD nonce and tag. */
export const MAX_INVITE_CHANNEL_SEALED_BYTES =
  paddedChannelLength(INVITE_CHANNEL_PART_HEADER_BYTES + INVITE_CHANNEL_PART_BYTES) +
  AEAD_NONCE_BYTES +
  AEAD_TAG_BYTES;
/** Its base64 length: any longer `data` is dropped before it is decoded. */
export const MAX_INVITE_CHANNEL_DATA_CHARS = 4 * Math.ceil(MAX_INVITE_CHANNEL_SEALED_BYTES / 3);
/** A whole `publish` as the server relays it: data plus the JSON around it (type, topic, clients). */
export const MAX_INVITE_CHANNEL_MESSAGE_CHARS = MAX_INVITE_CHANNEL_DATA_CHARS + 1024;

export type InviteChannelMessage =
  | { readonly type: 'hello'; readonly peerId: Uint8Array }
  | {
      readonly type: 'part';
      readonly frameKey: Uint8Array;
      readonly frameLength: number;
      readonly index: number;
      readonly count: number;
      readonly bytes: Uint8Array;
    };

export type InviteChannelPart = Extract<InviteChannelMessage, { type: 'part' }>;

/** The part count a frame of this length travels in. */
export const partCountFor = (frameLength: number): number =>
  Math.max(1, Math.ceil(frameLength / INVITE_CHANNEL_PART_BYTES));

/** The exact length part `index` of a `frameLength`-byte frame must have. */
export const partLengthFor = (frameLength: number, index: number): number =>
  Math.min(INVITE_CHANNEL_PART_BYTES, frameLength - index * INVITE_CHANNEL_PART_BYTES);
