import { aeadOpen } from '../crypto/aeadOpen.ts';
import { AEAD_NONCE_BYTES, AEAD_TAG_BYTES } from '../crypto/aeadSeal.ts';
import { sodium } from '../crypto/sodium.ts';
import { unpadPlaintext } from '../envelope/unpadPlaintext.ts';
import { MAX_INVITE_ROOM_FRAME_BYTES } from '../invite/InviteRoomMessage.ts';
import { ByteReader } from '../util/ByteReader.ts';
import { err, ok, type Result } from '../util/result.ts';
import { inviteChannelAd } from './inviteChannelAd.ts';
import {
  INVITE_CHANNEL_KEY_BYTES,
  INVITE_CHANNEL_PAD_BLOCK,
  INVITE_CHANNEL_PEER_ID_BYTES,
  INVITE_CHANNEL_TYPES,
  INVITE_CHANNEL_VERSION,
  MAX_INVITE_CHANNEL_DATA_CHARS,
  partCountFor,
  partLengthFor,
  type InviteChannelMessage,
} from './inviteChannelFormat.ts';

/**
 * - oversize: `data` longer than the largest sealed message, never decoded;
 * - malformed: not canonical base64, bad padding, or a message of the wrong shape;
 * - undecryptable: not sealed under this invite's password for this topic (junk, another app,
 *   a y-webrtc peer's own signaling on the same topic);
 * - unsupported_version: sealed by a newer Quire;
 * - too_large: a part of a frame above the frame cap (§10.3);
 * - bad_part: part fields that do not fit each other (count, index, length).
 */
export type InviteChannelRejection =
  'oversize' | 'malformed' | 'undecryptable' | 'unsupported_version' | 'too_large' | 'bad_part';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const MIN_SEALED = INVITE_CHANNEL_PAD_BLOCK + AEAD_NONCE_BYTES + AEAD_TAG_BYTES;

/**
 * Opens one invite-channel message (inviteChannelFormat.ts), every check before the next costs
 * more: length, base64, AEAD under the room password and topic, padding, version, then a strict
 * decode in which each part's fields are checked against each other. Never throws.
 */
export function openInviteChannelMessage(
  data: string,
  key: Uint8Array,
  topic: string,
): Result<InviteChannelMessage, InviteChannelRejection> {
  if (data.length > MAX_INVITE_CHANNEL_DATA_CHARS) return err('oversize');
  if (data.length % 4 !== 0 || !BASE64.test(data)) return err('malformed', 'base64');
  let sealed: Uint8Array;
  try {
    const s = sodium();
    sealed = s.from_base64(data, s.base64_variants.ORIGINAL);
  } catch {
    return err('malformed', 'base64');
  }
  if (sealed.length < MIN_SEALED) return err('malformed', 'too short');
  if ((sealed.length - AEAD_NONCE_BYTES - AEAD_TAG_BYTES) % INVITE_CHANNEL_PAD_BLOCK !== 0)
    return err('malformed', 'not padded to the block');
  const padded = aeadOpen(key, sealed, inviteChannelAd(topic));
  if (padded === undefined) return err('undecryptable');
  const plain = unpadPlaintext(padded);
  if (!plain.ok) return err('malformed', 'padding');
  const r = new ByteReader(plain.value);
  if (r.u8() !== INVITE_CHANNEL_VERSION) return err('unsupported_version');
  const type = r.u8();
  if (type === INVITE_CHANNEL_TYPES.hello) {
    const peerId = r.bytes(INVITE_CHANNEL_PEER_ID_BYTES);
    if (peerId === undefined || r.remaining !== 0) return err('malformed', 'hello');
    return ok({ type: 'hello', peerId: peerId.slice() });
  }
  if (type !== INVITE_CHANNEL_TYPES.part) return err('malformed', 'unknown type');
  const frameKey = r.bytes(INVITE_CHANNEL_KEY_BYTES);
  const frameLength = r.u32();
  const index = r.u16();
  const count = r.u16();
  if (
    frameKey === undefined ||
    frameLength === undefined ||
    index === undefined ||
    count === undefined
  )
    return err('malformed', 'part header');
  if (frameLength > MAX_INVITE_ROOM_FRAME_BYTES) return err('too_large');
  if (frameLength === 0 || count !== partCountFor(frameLength) || index >= count)
    return err('bad_part');
  if (r.remaining !== partLengthFor(frameLength, index)) return err('bad_part', 'length');
  const bytes = r.bytes(r.remaining) ?? new Uint8Array(0);
  return ok({
    type: 'part',
    frameKey: frameKey.slice(),
    frameLength,
    index,
    count,
    bytes: bytes.slice(),
  });
}
