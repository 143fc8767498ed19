import { err, ok, type Result } from '../util/result.ts';
import type { EnvelopeSizeRejection } from './EnvelopeRejection.ts';
import { MAX_SEALED_ENVELOPE_BYTES } from './envelopeFormat.ts';

/** First step of opening: refuse oversize bytes before anything else looks at them. */
export function checkEnvelopeSize(bytes: Uint8Array): Result<void, EnvelopeSizeRejection> {
  return bytes.length > MAX_SEALED_ENVELOPE_BYTES ? err('too_large') : ok(undefined);
}
