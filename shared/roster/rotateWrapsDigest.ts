import { hash } from '../crypto/hash.ts';
import { LABELS } from '../crypto/labels.ts';
import { WRAPS_DIGEST_BYTES } from './RosterOp.ts';

/**
 * What a format-2 rotate signs instead of its wraps (PROTOCOL §9.1): H_32 over every sealed wrap in
 * recipient order. Wraps are fixed-size, so the concatenation is unambiguous; recipients, kinds,
 * cell and epoch are signed next to it.
 */
export function rotateWrapsDigest(sealed: readonly Uint8Array[]): Uint8Array {
  return hash(LABELS.rotateWraps, sealed, WRAPS_DIGEST_BYTES);
}
