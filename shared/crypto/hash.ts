import { concatBytes, labelBytes } from './bytes.ts';
import type { Label } from './labels.ts';
import { sodium } from './sodium.ts';

/**
 * Domain-separated BLAKE2b: H(len(label) || label || parts...), optionally keyed.
 * `outLen` between 16 and 64 bytes.
 */
export function hash(
  label: Label,
  parts: readonly Uint8Array[],
  outLen = 32,
  key?: Uint8Array,
): Uint8Array {
  return sodium().crypto_generichash(outLen, concatBytes(labelBytes(label), ...parts), key ?? null);
}
