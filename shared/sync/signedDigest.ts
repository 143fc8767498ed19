import { toHex } from '../crypto/bytes.ts';
import { hash } from '../crypto/hash.ts';
import { LABELS } from '../crypto/labels.ts';
import type { EnvelopeFields } from '../envelope/DecodedEnvelope.ts';
import { encodeEnvelopeFields } from '../envelope/encodeEnvelopeFields.ts';

/**
 * What an envelope's author signed, as 32 hex chars: H_16("quire/signed-fields/v1", fields).
 * Two seals of the same signed fields (a fresh nonce, another epoch's key) share it; two
 * different bodies, times or kinds under one seq do not. Local only: never sent.
 */
export function signedDigest(fields: EnvelopeFields): string {
  const encoded = encodeEnvelopeFields(fields);
  // Fields that do not encode never passed a signature check: give them a digest of their own.
  const bytes = encoded.ok ? encoded.value : fields.body;
  return toHex(hash(LABELS.signedFields, [new Uint8Array([encoded.ok ? 1 : 0]), bytes], 16));
}
