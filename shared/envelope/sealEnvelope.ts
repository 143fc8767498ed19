import { AEAD_KEY_BYTES, AEAD_NONCE_BYTES, aeadSeal } from '../crypto/aeadSeal.ts';
import { bytesEqual, concatBytes } from '../crypto/bytes.ts';
import { CELL_ID_BYTES } from '../crypto/deriveEpochSecrets.ts';
import { LABELS } from '../crypto/labels.ts';
import { SIGN_PUBLIC_BYTES, SIGN_SECRET_BYTES, signDetached } from '../crypto/signDetached.ts';
import { err, ok, type Result } from '../util/result.ts';
import type { EnvelopeKind } from './EnvelopeKind.ts';
import { encodeEnvelopeFields } from './encodeEnvelopeFields.ts';
import { envelopeAd } from './envelopeAd.ts';
import { envelopePaddedLength } from './envelopePaddedLength.ts';
import {
  ENVELOPE_OVERHEAD_BYTES,
  ENVELOPE_VERSION,
  MAX_BODY_BYTES,
  MAX_SEALED_ENVELOPE_BYTES,
} from './envelopeFormat.ts';
import { envelopeId } from './envelopeId.ts';
import { envelopeSignatureInput } from './envelopeSignatureInput.ts';
import { isUint32 } from './isUint32.ts';
import { padPlaintext } from './padPlaintext.ts';

export interface SealEnvelopeInput {
  /** The epoch's contentKey (deriveEpochSecrets). */
  readonly contentKey: Uint8Array;
  readonly cellId: Uint8Array;
  readonly epoch: number;
  readonly kind: EnvelopeKind;
  readonly docId: Uint8Array;
  readonly author: { readonly signPk: Uint8Array; readonly signSk: Uint8Array };
  readonly seq: number;
  readonly time: number;
  readonly body: Uint8Array;
  /** Only known-answer tests fix the nonce; otherwise a fresh random one is drawn. */
  readonly nonce?: Uint8Array;
}

export interface SealedEnvelope {
  readonly envId: string;
  readonly bytes: Uint8Array;
}

export type SealEnvelopeError = 'invalid_argument' | 'body_too_large';

/**
 * Signs, pads and encrypts one envelope:
 * version (1) || nonce (24) || XChaCha20-Poly1305(contentKey, pad(fields || signature), AD).
 */
export function sealEnvelope(input: SealEnvelopeInput): Result<SealedEnvelope, SealEnvelopeError> {
  const { contentKey, cellId, epoch, author, body, nonce } = input;
  if (body.length > MAX_BODY_BYTES) return err('body_too_large');
  if (contentKey.length !== AEAD_KEY_BYTES)
    return err('invalid_argument', 'contentKey must be 32 bytes');
  if (cellId.length !== CELL_ID_BYTES) return err('invalid_argument', 'cellId must be 16 bytes');
  if (!isUint32(epoch)) return err('invalid_argument', 'epoch must be a u32');
  if (nonce !== undefined && nonce.length !== AEAD_NONCE_BYTES)
    return err('invalid_argument', 'nonce must be 24 bytes');
  if (author.signPk.length !== SIGN_PUBLIC_BYTES || author.signSk.length !== SIGN_SECRET_BYTES)
    return err('invalid_argument', 'bad signing key length');
  // libsodium's Ed25519 secret key is seed || public key: an author field that does not match
  // the signer would make an envelope every receiver rejects.
  if (!bytesEqual(author.signSk.subarray(SIGN_SECRET_BYTES - SIGN_PUBLIC_BYTES), author.signPk))
    return err('invalid_argument', 'signPk does not belong to signSk');

  const fields = encodeEnvelopeFields({
    kind: input.kind,
    docId: input.docId,
    author: author.signPk,
    seq: input.seq,
    time: input.time,
    body,
  });
  if (!fields.ok) return err('invalid_argument', fields.detail);

  const signature = signDetached(
    author.signSk,
    LABELS.envelopeSig,
    envelopeSignatureInput(cellId, epoch, fields.value),
  );
  const plaintext = concatBytes(fields.value, signature);
  const paddedLength = envelopePaddedLength(plaintext);
  // Only a rotate-sized roster body can round past the cap (its sizes step by powers of two).
  if (paddedLength + ENVELOPE_OVERHEAD_BYTES > MAX_SEALED_ENVELOPE_BYTES)
    return err('body_too_large');
  const padded = padPlaintext(plaintext, paddedLength);
  const sealed = concatBytes(
    new Uint8Array([ENVELOPE_VERSION]),
    aeadSeal(contentKey, padded, envelopeAd(cellId, epoch), nonce),
  );
  return ok({ envId: envelopeId(sealed), bytes: sealed });
}
