import { hash } from './hash.ts';
import type { Label } from './labels.ts';

/**
 * Keyed-BLAKE2b KDF: a 32-byte (by default) subkey of `key` for the purpose named by `label`
 * and the given context bytes. Distinct labels give independent keys.
 */
export function deriveKey(
  key: Uint8Array,
  label: Label,
  context: readonly Uint8Array[] = [],
  outLen = 32,
): Uint8Array {
  if (key.length < 16 || key.length > 64) throw new RangeError('KDF key must be 16-64 bytes');
  return hash(label, context, outLen, key);
}
