import { AEAD_KEY_BYTES, AEAD_NONCE_BYTES, aeadSeal } from '../crypto/aeadSeal.ts';
import { bytesEqual, utf8 } from '../crypto/bytes.ts';
import { LABELS } from '../crypto/labels.ts';
import { randomBytes } from '../crypto/randomBytes.ts';
import { SIGN_PUBLIC_BYTES, SIGN_SECRET_BYTES, signDetached } from '../crypto/signDetached.ts';
import { padPlaintext } from '../envelope/padPlaintext.ts';
import { MAX_PSEUDONYM_BYTES } from '../roster/RosterOp.ts';
import { validateDisplayName } from '../roster/validateDisplayName.ts';
import { err, ok, type Result } from '../util/result.ts';
import { ByteWriter } from '../util/ByteWriter.ts';
import { inviteAd } from './inviteAd.ts';
import {
  JOIN_REQUEST_PADDED_BYTES,
  JOIN_REQUEST_VERSION,
  REQUEST_ID_BYTES,
} from './joinRequestFormat.ts';
import {
  BOX_PUBLIC_BYTES,
  INVITE_ID_BYTES,
  joinerSignatureMessage,
} from './joinerSignatureMessage.ts';

export interface SealJoinRequestInput {
  /** From deriveInviteSecrets(s). */
  readonly inviteId: Uint8Array;
  readonly inviteKey: Uint8Array;
  /** The joiner's fresh identity for this cell. */
  readonly signPk: Uint8Array;
  readonly signSk: Uint8Array;
  readonly boxPk: Uint8Array;
  readonly pseudonym: string;
  /** The joiner's clock, ms. */
  readonly createdAt: number;
  /** Fixed only by tests; otherwise random. Keep it: notices name the request by it. */
  readonly requestId?: Uint8Array;
  readonly nonce?: Uint8Array;
}

export interface SealedJoinRequest {
  readonly requestId: Uint8Array;
  /** Exactly JOIN_REQUEST_SEALED_BYTES; resend these same bytes on reconnect. */
  readonly bytes: Uint8Array;
}

/**
 * Joiner side: signs the identity fields with the new key (proof of possession, reused in the
 * admit op), pads to a fixed size and seals under the invite key (proof of knowing s).
 */
export function sealJoinRequest(
  input: SealJoinRequestInput,
): Result<SealedJoinRequest, 'invalid_argument'> {
  const { inviteId, inviteKey, signPk, signSk, boxPk } = input;
  if (inviteId.length !== INVITE_ID_BYTES || inviteKey.length !== AEAD_KEY_BYTES)
    return err('invalid_argument', 'inviteId and inviteKey must be 32 bytes');
  if (signPk.length !== SIGN_PUBLIC_BYTES || signSk.length !== SIGN_SECRET_BYTES)
    return err('invalid_argument', 'bad signing key length');
  // libsodium's Ed25519 secret key ends with its public key: a mismatch would only be refused later.
  if (!bytesEqual(signSk.subarray(SIGN_SECRET_BYTES - SIGN_PUBLIC_BYTES), signPk))
    return err('invalid_argument', 'signPk does not belong to signSk');
  if (boxPk.length !== BOX_PUBLIC_BYTES) return err('invalid_argument', 'boxPk must be 32 bytes');
  // The roster's rule for names in `admit`: a request it would refuse must not be sent.
  if (!validateDisplayName(input.pseudonym, MAX_PSEUDONYM_BYTES))
    return err('invalid_argument', 'pseudonym');
  if (!Number.isSafeInteger(input.createdAt) || input.createdAt < 0)
    return err('invalid_argument', 'createdAt must be a non-negative safe integer');
  const requestId = input.requestId ?? randomBytes(REQUEST_ID_BYTES);
  if (requestId.length !== REQUEST_ID_BYTES)
    return err('invalid_argument', 'requestId must be 16 bytes');
  if (input.nonce !== undefined && input.nonce.length !== AEAD_NONCE_BYTES)
    return err('invalid_argument', 'nonce must be 24 bytes');

  const signature = signDetached(
    signSk,
    LABELS.joinProof,
    joinerSignatureMessage(inviteId, signPk, boxPk, input.pseudonym),
  );
  const name = utf8(input.pseudonym);
  const plaintext = new ByteWriter()
    .u8(JOIN_REQUEST_VERSION)
    .bytes(signPk)
    .bytes(boxPk)
    .bytes(requestId)
    .u64(input.createdAt)
    .u8(name.length)
    .bytes(name)
    .bytes(signature)
    .finish();
  const bytes = aeadSeal(
    inviteKey,
    padPlaintext(plaintext, JOIN_REQUEST_PADDED_BYTES),
    inviteAd(LABELS.joinRequestAd, inviteId),
    input.nonce,
  );
  return ok({ requestId, bytes });
}
