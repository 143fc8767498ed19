import { err, ok, type Result } from '../util/result.ts';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** The chunks that draw pixels; every other (text, EXIF, ICC, time, private) is dropped. */
const KEPT = new Set(['IHDR', 'PLTE', 'IDAT', 'IEND']);
const MAX_CHUNKS = 100_000;

const u32 = (b: Uint8Array, at: number): number =>
  (((b[at] ?? 0) << 24) | ((b[at + 1] ?? 0) << 16) | ((b[at + 2] ?? 0) << 8) | (b[at + 3] ?? 0)) >>>
  0;

/**
 * A PNG with only the chunks that draw it (IHDR, PLTE, IDAT, IEND, each kept byte for byte with
 * its CRC), so that nothing but pixels can ride along even if an encoder added an ancillary
 * chunk. Refuses anything that is not a well-formed run of chunks from IHDR to IEND.
 */
export function pngPixelsOnly(bytes: Uint8Array): Result<Uint8Array, 'not_png'> {
  if (bytes.length < 8 || !SIGNATURE.every((b, i) => bytes[i] === b)) return err('not_png');
  const parts: Uint8Array[] = [bytes.subarray(0, 8)];
  let at = 8;
  let first = true;
  for (let n = 0; n < MAX_CHUNKS && at + 12 <= bytes.length; n++) {
    const length = u32(bytes, at);
    const end = at + 12 + length;
    if (end > bytes.length) return err('not_png', 'chunk past the end');
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    if (first && type !== 'IHDR') return err('not_png', 'IHDR not first');
    first = false;
    if (KEPT.has(type)) parts.push(bytes.subarray(at, end));
    at = end;
    if (type === 'IEND') {
      const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
      let offset = 0;
      for (const part of parts) {
        out.set(part, offset);
        offset += part.length;
      }
      return ok(out);
    }
  }
  return err('not_png', 'no IEND');
}
