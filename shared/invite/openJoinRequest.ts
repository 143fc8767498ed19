import { aeadOpen } from '../crypto/aeadOpen.ts';
import { AEAD_KEY_BYTES } from '../crypto/aeadSeal.ts';
import { LABELS } from '../crypto/labels.ts';
import { SIGNATURE_BYTES, SIGN_PUBLIC_BYTES } from '../crypto/signDetached.ts';
import { verifyDetached } from '../crypto/verifyDetached.ts';
import { unpadPlaintext } from '../envelope/unpadPlaintext.ts';
import { MAX_PSEUDONYM_BYTES } from '../roster/RosterOp.ts';
import { validateDisplayName } from '../roster/validateDisplayName.ts';
import { ByteReader } from '../util/ByteReader.ts';
import { err, ok, type Result } from '../util/result.ts';
import type { JoinRequest } from './JoinRequest.ts';
import { inviteAd } from './inviteAd.ts';
import {
  JOIN_REQUEST_SEALED_BYTES,
  JOIN_REQUEST_VERSION,
  REQUEST_ID_BYTES,
} from './joinRequestFormat.ts';
import {
  BOX_PUBLIC_BYTES,
  INVITE_ID_BYTES,
  joinerSignatureMessage,
} from './joinerSignatureMessage.ts';

export type JoinRequestRejection = 'too_large' | 'decrypt_failed' | 'malformed' | 'bad_signature';

function decode(plaintext: Uint8Array): Result<JoinRequest, 'malformed'> {
  const r = new ByteReader(plaintext);
  const version = r.u8();
  if (version !== JOIN_REQUEST_VERSION) return err('malformed', `version ${String(version)}`);
  const signPk = r.copy(SIGN_PUBLIC_BYTES);
  const boxPk = r.copy(BOX_PUBLIC_BYTES);
  const requestId = r.copy(REQUEST_ID_BYTES);
  const createdAt = r.u64();
  const pseudonym = r.string(1, MAX_PSEUDONYM_BYTES);
  const joinerSignature = r.copy(SIGNATURE_BYTES);
  if (
    !signPk ||
    !boxPk ||
    !requestId ||
    createdAt === undefined ||
    pseudonym === undefined ||
    !joinerSignature ||
    r.remaining !== 0
  )
    return err('malformed', 'truncated, trailing bytes or bad pseudonym bytes');
  if (!validateDisplayName(pseudonym, MAX_PSEUDONYM_BYTES))
    return err('malformed', 'invalid pseudonym');
  return ok({ version, signPk, boxPk, requestId, createdAt, pseudonym, joinerSignature });
}

/**
 * Coordinator side: size -> decrypt (which proves the sender knows s) -> unpad -> strict decode ->
 * joiner signature. Any failure is a typed rejection; nothing throws on bad bytes. The caller still
 * checks the invite (open, unexpired by its own clock, unused) and shows the safety words.
 */
export function openJoinRequest(
  sealed: Uint8Array,
  inviteKey: Uint8Array,
  inviteId: Uint8Array,
): Result<JoinRequest, JoinRequestRejection> {
  if (sealed.length > JOIN_REQUEST_SEALED_BYTES) return err('too_large');
  if (sealed.length !== JOIN_REQUEST_SEALED_BYTES) return err('malformed', 'wrong length');
  if (inviteKey.length !== AEAD_KEY_BYTES || inviteId.length !== INVITE_ID_BYTES)
    return err('decrypt_failed', 'bad invite key or id');
  const padded = aeadOpen(inviteKey, sealed, inviteAd(LABELS.joinRequestAd, inviteId));
  if (!padded) return err('decrypt_failed');
  const plaintext = unpadPlaintext(padded);
  if (!plaintext.ok) return err('malformed', 'bad padding');
  const decoded = decode(plaintext.value);
  if (!decoded.ok) return decoded;
  const q = decoded.value;
  const message = joinerSignatureMessage(inviteId, q.signPk, q.boxPk, q.pseudonym);
  if (!verifyDetached(q.signPk, LABELS.joinProof, message, q.joinerSignature))
    return err('bad_signature');
  return ok(q);
}
