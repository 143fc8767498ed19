import { aeadOpen } from '../crypto/aeadOpen.ts';
import { AEAD_KEY_BYTES } from '../crypto/aeadSeal.ts';
import { LABELS } from '../crypto/labels.ts';
import { err, ok, type Result } from '../util/result.ts';
import { ByteReader, DecodeError } from './ByteReader.ts';
import {
  INVITE_NOTICE_KINDS,
  INVITE_NOTICE_SEALED_BYTES,
  INVITE_NOTICE_VERSION,
  type InviteNotice,
} from './InviteNotice.ts';
import { inviteAd } from './inviteAd.ts';
import { REQUEST_ID_BYTES } from './joinRequestFormat.ts';
import { INVITE_ID_BYTES } from './joinerSignatureMessage.ts';

export type InviteNoticeRejection = 'too_large' | 'decrypt_failed' | 'malformed';

/** Joiner side: size -> decrypt under the invite key -> strict decode. */
export function openInviteNotice(
  sealed: Uint8Array,
  inviteKey: Uint8Array,
  inviteId: Uint8Array,
): Result<InviteNotice, InviteNoticeRejection> {
  if (sealed.length > INVITE_NOTICE_SEALED_BYTES) return err('too_large');
  if (sealed.length !== INVITE_NOTICE_SEALED_BYTES) return err('malformed', 'wrong length');
  if (inviteKey.length !== AEAD_KEY_BYTES || inviteId.length !== INVITE_ID_BYTES)
    return err('decrypt_failed', 'bad invite key or id');
  const plaintext = aeadOpen(inviteKey, sealed, inviteAd(LABELS.inviteNoticeAd, inviteId));
  if (!plaintext) return err('decrypt_failed');
  try {
    const r = new ByteReader(plaintext);
    if (r.u8() !== INVITE_NOTICE_VERSION) return err('malformed', 'version');
    const kind = INVITE_NOTICE_KINDS[r.u8() - 1];
    if (kind === undefined) return err('malformed', 'unknown kind');
    const requestId = r.bytes(REQUEST_ID_BYTES);
    const issuedAt = r.u64();
    r.end();
    return ok({ kind, requestId, issuedAt });
  } catch (e) {
    if (e instanceof DecodeError) return err('malformed', e.message);
    throw e;
  }
}
