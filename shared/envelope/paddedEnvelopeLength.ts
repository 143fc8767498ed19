import { MIN_PADDED_BYTES } from './envelopeFormat.ts';
import { padmeLength } from './padmeLength.ts';

/** Padded size of an envelope plaintext: Padmé of (length + 1 for the 0x80 marker), at least 256. */
export function paddedEnvelopeLength(plaintextLength: number): number {
  return Math.max(MIN_PADDED_BYTES, padmeLength(plaintextLength + 1));
}
