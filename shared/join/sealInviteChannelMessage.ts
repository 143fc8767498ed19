import { aeadSeal } from '../crypto/aeadSeal.ts';
import { sodium } from '../crypto/sodium.ts';
import { padPlaintext } from '../envelope/padPlaintext.ts';
import { ByteWriter } from '../util/ByteWriter.ts';
import { inviteChannelAd } from './inviteChannelAd.ts';
import {
  INVITE_CHANNEL_TYPES,
  INVITE_CHANNEL_VERSION,
  paddedChannelLength,
  type InviteChannelMessage,
} from './inviteChannelFormat.ts';

/**
 * Seals one invite-channel message (inviteChannelFormat.ts): encode, pad to the 512-byte block,
 * XChaCha20-Poly1305 under the invite room password with a fresh nonce (so a re-sent message
 * looks new to the rendezvous server), base64 for the `data` field of a `publish`. The caller
 * passes well-formed messages (splitInviteFrame, a 16-byte peer id): a bad one throws.
 */
export function sealInviteChannelMessage(
  message: InviteChannelMessage,
  key: Uint8Array,
  topic: string,
): string {
  const w = new ByteWriter().u8(INVITE_CHANNEL_VERSION).u8(INVITE_CHANNEL_TYPES[message.type]);
  if (message.type === 'hello') w.bytes(message.peerId);
  else
    w.bytes(message.frameKey)
      .u32(message.frameLength)
      .u16(message.index)
      .u16(message.count)
      .bytes(message.bytes);
  const plain = w.finish();
  const sealed = aeadSeal(
    key,
    padPlaintext(plain, paddedChannelLength(plain.length)),
    inviteChannelAd(topic),
  );
  const s = sodium();
  return s.to_base64(sealed, s.base64_variants.ORIGINAL);
}
