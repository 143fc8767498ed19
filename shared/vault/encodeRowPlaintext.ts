import { utf8 } from '../crypto/bytes.ts';
import { rowSizeClass } from './rowSizeClass.ts';

/**
 * Plaintext of a sealed row: format u8 (1) || keyLen u16be || key (UTF-8) || valueLen u32be ||
 * value || zero padding. The logical key travels inside the ciphertext so `scan` can return it
 * while the row id stays an opaque hash. Padding hides how big the value is: directory rows to a
 * multiple of `bucket`, every other row to its size class (rowSizeClass.ts).
 */
export const ROW_FORMAT = 1;
export const MAX_KEY_BYTES = 1024;
/** Sealed rows above this are refused on write and quarantined on read (size cap before opening). */
export const MAX_SEALED_ROW_BYTES = 64 * 1024 * 1024;
const HEAD = 1 + 2;

export function encodeRowPlaintext(key: string, value: Uint8Array, bucket = 0): Uint8Array {
  const k = utf8(key);
  if (k.length > MAX_KEY_BYTES) throw new RangeError('sealed row key too long');
  const used = HEAD + k.length + 4 + value.length;
  if (used > MAX_SEALED_ROW_BYTES - 64) throw new RangeError('sealed row value too large');
  const total = Math.min(
    bucket > 0 ? Math.ceil(used / bucket) * bucket : rowSizeClass(used),
    Math.max(used, MAX_SEALED_ROW_BYTES - 64),
  );
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  out[0] = ROW_FORMAT;
  view.setUint16(1, k.length, false);
  out.set(k, HEAD);
  view.setUint32(HEAD + k.length, value.length, false);
  out.set(value, HEAD + k.length + 4);
  return out;
}
