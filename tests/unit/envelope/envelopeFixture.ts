/** Shared inputs for the envelope tests: the known-answer inputs of vectors/v1.json. */
import { aeadSeal } from '../../../shared/crypto/aeadSeal.ts';
import { concatBytes, fromHex } from '../../../shared/crypto/bytes.ts';
import { deriveEpochSecrets } from '../../../shared/crypto/deriveEpochSecrets.ts';
import { sodium } from '../../../shared/crypto/sodium.ts';
import type { DecodedEnvelope } from '../../../shared/envelope/DecodedEnvelope.ts';
import type { EnvelopeRejection } from '../../../shared/envelope/EnvelopeRejection.ts';
import { ENVELOPE_KIND } from '../../../shared/envelope/EnvelopeKind.ts';
import { encodeEnvelopeFields } from '../../../shared/envelope/encodeEnvelopeFields.ts';
import { decodeEnvelope } from '../../../shared/envelope/decodeEnvelope.ts';
import { decryptEnvelope } from '../../../shared/envelope/decryptEnvelope.ts';
import { envelopeAd } from '../../../shared/envelope/envelopeAd.ts';
import { ENVELOPE_VERSION } from '../../../shared/envelope/envelopeFormat.ts';
import { padPlaintext } from '../../../shared/envelope/padPlaintext.ts';
import { paddedEnvelopeLength } from '../../../shared/envelope/paddedEnvelopeLength.ts';
import { sealEnvelope, type SealEnvelopeInput } from '../../../shared/envelope/sealEnvelope.ts';
import { verifyEnvelopeSignature } from '../../../shared/envelope/verifyEnvelopeSignature.ts';
import { err, ok, type Result } from '../../../shared/util/result.ts';
import vectors from './vectors/v1.json';

export { vectors };

export const hex = (s: string): Uint8Array => {
  const b = fromHex(s);
  if (!b) throw new Error(`bad hex in vectors: ${s}`);
  return b;
};

/** Call after `await sodiumReady()`. */
export function fixture() {
  const epochKey = hex(vectors.inputs.epochKey);
  const cellId = hex(vectors.inputs.cellId);
  const epoch = vectors.inputs.epoch;
  const secrets = deriveEpochSecrets(epochKey, cellId, epoch);
  const kp = sodium().crypto_sign_seed_keypair(hex(vectors.inputs.authorSeed));
  const author = { signPk: kp.publicKey, signSk: kp.privateKey };
  const other = sodium().crypto_sign_seed_keypair(new Uint8Array(32).fill(7));
  const input: SealEnvelopeInput = {
    contentKey: secrets.contentKey,
    cellId,
    epoch,
    kind: ENVELOPE_KIND.update,
    docId: hex(vectors.inputs.docId),
    author,
    seq: 1,
    time: 1_700_000_000_000,
    body: new TextEncoder().encode('hello, cell'),
    nonce: hex(vectors.inputs.nonce),
  };
  return {
    epochKey,
    cellId,
    epoch,
    secrets,
    author,
    otherAuthor: { signPk: other.publicKey, signSk: other.privateKey },
    input,
  };
}

export function sealOrThrow(input: SealEnvelopeInput): Uint8Array {
  const r = sealEnvelope(input);
  if (!r.ok) throw new Error(r.error);
  return r.value.bytes;
}

/** The opening steps this module owns, in DESIGN order (the engine's roster check sits before verify). */
export function openEnvelopeForTest(
  bytes: Uint8Array,
  contentKey: Uint8Array,
  cellId: Uint8Array,
  epoch: number,
): Result<DecodedEnvelope, EnvelopeRejection> {
  const plaintext = decryptEnvelope(bytes, contentKey, cellId, epoch);
  if (!plaintext.ok) return plaintext;
  const decoded = decodeEnvelope(plaintext.value);
  if (!decoded.ok) return decoded;
  const verified = verifyEnvelopeSignature(decoded.value, cellId, epoch);
  return verified.ok ? ok(decoded.value) : err(verified.error);
}

/**
 * Wraps an arbitrary plaintext in a valid AEAD layer (as a member holding the content key could):
 * for tests of what happens after decryption succeeds.
 */
export function sealRawPlaintext(
  plaintext: Uint8Array,
  contentKey: Uint8Array,
  cellId: Uint8Array,
  epoch: number,
  padded: Uint8Array = padPlaintext(plaintext, paddedEnvelopeLength(plaintext.length)),
): Uint8Array {
  return concatBytes(
    new Uint8Array([ENVELOPE_VERSION]),
    aeadSeal(contentKey, padded, envelopeAd(cellId, epoch)),
  );
}

export const reason = (r: { ok: boolean; error?: string }): string =>
  r.ok ? 'accepted' : (r.error ?? 'unknown');

/** A decrypted, decoded copy of a valid envelope for the fixture. */
export function decodedOf(bytes: Uint8Array): DecodedEnvelope {
  const f = fixture();
  const p = decryptEnvelope(bytes, f.secrets.contentKey, f.cellId, f.epoch);
  const d = p.ok ? decodeEnvelope(p.value) : undefined;
  if (!d?.ok) throw new Error('fixture envelope does not open');
  return d.value;
}

/** Plaintext with the given fields and an explicit signature (valid or not). */
export function plaintextOf(d: DecodedEnvelope): Uint8Array {
  const fields = encodeEnvelopeFields(d);
  if (!fields.ok) throw new Error(fields.detail);
  return concatBytes(fields.value, d.signature);
}
