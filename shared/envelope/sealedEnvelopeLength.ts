import { ENVELOPE_FIXED_PLAINTEXT_BYTES, ENVELOPE_OVERHEAD_BYTES } from './envelopeFormat.ts';
import { paddedEnvelopeLength } from './paddedEnvelopeLength.ts';

/**
 * Exact wire size of the envelope that `sealEnvelope` makes for a body of this length, for every
 * body but a rotate op's (envelopePaddedLength: those are padded to larger, fixed classes).
 */
export function sealedEnvelopeLength(bodyLength: number): number {
  return (
    ENVELOPE_OVERHEAD_BYTES + paddedEnvelopeLength(ENVELOPE_FIXED_PLAINTEXT_BYTES + bodyLength)
  );
}
