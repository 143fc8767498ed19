import { utf8 } from '../crypto/bytes.ts';
import { SIGN_PUBLIC_BYTES } from '../crypto/signDetached.ts';
import { ByteWriter } from '../util/ByteWriter.ts';

export const INVITE_ID_BYTES = 32;
export const BOX_PUBLIC_BYTES = 32;

/**
 * The bytes a joiner signs with its new key (label LABELS.joinProof), and what the roster checks
 * again in an `admit` op: inviteId (32) || signPk (32) || boxPk (32) || u16 len || pseudonym UTF-8.
 * The joiner does not know the cellId before admission; the coordinator's signed admit op binds
 * it. Key lengths are checked by the caller's decoder; a wrong length here is a programming error.
 */
export function joinerSignatureMessage(
  inviteId: Uint8Array,
  signPk: Uint8Array,
  boxPk: Uint8Array,
  pseudonym: string,
): Uint8Array {
  if (
    inviteId.length !== INVITE_ID_BYTES ||
    signPk.length !== SIGN_PUBLIC_BYTES ||
    boxPk.length !== BOX_PUBLIC_BYTES
  )
    throw new RangeError('inviteId, signPk and boxPk must be 32 bytes each');
  const name = utf8(pseudonym);
  return new ByteWriter()
    .bytes(inviteId)
    .bytes(signPk)
    .bytes(boxPk)
    .u16(name.length)
    .bytes(name)
    .finish();
}
