import { aeadOpen } from '../crypto/aeadOpen.ts';
import { AEAD_KEY_BYTES } from '../crypto/aeadSeal.ts';
import { LABELS } from '../crypto/labels.ts';
import { ByteReader } from '../util/ByteReader.ts';
import { err, ok, type Result } from '../util/result.ts';
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
  const r = new ByteReader(plaintext);
  if (r.u8() !== INVITE_NOTICE_VERSION) return err('malformed', 'version');
  const kindByte = r.u8();
  const kind = kindByte === undefined ? undefined : INVITE_NOTICE_KINDS[kindByte - 1];
  if (kind === undefined) return err('malformed', 'unknown kind');
  const requestId = r.copy(REQUEST_ID_BYTES);
  const issuedAt = r.u64();
  if (!requestId || issuedAt === undefined || r.remaining !== 0)
    return err('malformed', 'truncated or trailing bytes');
  return ok({ kind, requestId, issuedAt });
}
