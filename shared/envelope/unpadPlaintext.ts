import { err, ok, type Result } from '../util/result.ts';

/**
 * Inverse of `padPlaintext`: the bytes before the last 0x80 that is followed only by zeros.
 * Anything else (no marker, a non-zero byte after it) is refused. Runs on authenticated
 * plaintext only, so its timing reveals nothing an attacker could not already compute.
 */
export function unpadPlaintext(padded: Uint8Array): Result<Uint8Array, 'bad_padding'> {
  let i = padded.length - 1;
  while (i >= 0 && padded[i] === 0x00) i--;
  if (i < 0 || padded[i] !== 0x80) return err('bad_padding');
  return ok(padded.subarray(0, i));
}
