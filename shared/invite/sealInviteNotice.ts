import { AEAD_KEY_BYTES, AEAD_NONCE_BYTES, aeadSeal } from '../crypto/aeadSeal.ts';
import { LABELS } from '../crypto/labels.ts';
import { err, ok, type Result } from '../util/result.ts';
import { ByteWriter } from '../util/ByteWriter.ts';
import { INVITE_NOTICE_KINDS, INVITE_NOTICE_VERSION, type InviteNotice } from './InviteNotice.ts';
import { inviteAd } from './inviteAd.ts';
import { REQUEST_ID_BYTES } from './joinRequestFormat.ts';
import { INVITE_ID_BYTES } from './joinerSignatureMessage.ts';

/** Coordinator side: seals a denied/expired/revoked/used answer to one join request. */
export function sealInviteNotice(
  notice: InviteNotice,
  inviteKey: Uint8Array,
  inviteId: Uint8Array,
  nonce?: Uint8Array,
): Result<Uint8Array, 'invalid_argument'> {
  if (inviteKey.length !== AEAD_KEY_BYTES || inviteId.length !== INVITE_ID_BYTES)
    return err('invalid_argument', 'inviteKey and inviteId must be 32 bytes');
  const kind = INVITE_NOTICE_KINDS.indexOf(notice.kind);
  if (kind === -1) return err('invalid_argument', 'unknown notice kind');
  if (notice.requestId.length !== REQUEST_ID_BYTES)
    return err('invalid_argument', 'requestId must be 16 bytes');
  if (!Number.isSafeInteger(notice.issuedAt) || notice.issuedAt < 0)
    return err('invalid_argument', 'issuedAt must be a non-negative safe integer');
  if (nonce !== undefined && nonce.length !== AEAD_NONCE_BYTES)
    return err('invalid_argument', 'nonce must be 24 bytes');
  const plaintext = new ByteWriter()
    .u8(INVITE_NOTICE_VERSION)
    .u8(kind + 1)
    .bytes(notice.requestId)
    .u64(notice.issuedAt)
    .finish();
  return ok(aeadSeal(inviteKey, plaintext, inviteAd(LABELS.inviteNoticeAd, inviteId), nonce));
}
