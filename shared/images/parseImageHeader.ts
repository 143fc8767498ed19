import { err, ok, type Result } from '../util/result.ts';
import { IMAGE_LIMITS } from './imageLimits.ts';

export type ImageMime = 'image/jpeg' | 'image/png' | 'image/webp';

export interface ImageHeader {
  readonly mime: ImageMime;
  readonly width: number;
  readonly height: number;
}

export type ImageHeaderError = 'wrong_magic' | 'truncated' | 'malformed' | 'too_large';

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const startsWith = (bytes: Uint8Array, magic: readonly number[], at = 0): boolean =>
  magic.every((b, i) => bytes[at + i] === b);

const ascii = (bytes: Uint8Array, at: number, n: number): string =>
  String.fromCharCode(...bytes.subarray(at, at + n));

const u16be = (b: Uint8Array, at: number): number => ((b[at] ?? 0) << 8) | (b[at + 1] ?? 0);
const u16le = (b: Uint8Array, at: number): number => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const u24le = (b: Uint8Array, at: number): number => u16le(b, at) | ((b[at + 2] ?? 0) << 16);
const u32be = (b: Uint8Array, at: number): number => u16be(b, at) * 0x10000 + u16be(b, at + 2);

/**
 * The type and declared dimensions of a JPEG (first SOFn), PNG (IHDR) or WebP (VP8, VP8L, VP8X)
 * image, read from its container header alone, so that a decompression bomb (a small file that
 * declares 100,000 × 100,000 pixels) is refused before any decoder allocates for it. Bounds come
 * from IMAGE_LIMITS (or `limits`). Never throws.
 */
export function parseImageHeader(
  bytes: Uint8Array,
  limits: { readonly maxSide: number; readonly maxPixels: number } = {
    maxSide: IMAGE_LIMITS.sourceMaxSide,
    maxPixels: IMAGE_LIMITS.sourceMaxPixels,
  },
): Result<ImageHeader, ImageHeaderError> {
  const found = readHeader(bytes);
  if (!found.ok) return found;
  const { width, height } = found.value;
  if (width < 1 || height < 1) return err('malformed', 'zero dimension');
  if (width > limits.maxSide || height > limits.maxSide || width * height > limits.maxPixels)
    return err('too_large', `${width}x${height}`);
  return found;
}

function readHeader(bytes: Uint8Array): Result<ImageHeader, ImageHeaderError> {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xd8) return jpegHeader(bytes);
  if (bytes.length >= 8 && startsWith(bytes, PNG_MAGIC)) return pngHeader(bytes);
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP')
    return webpHeader(bytes);
  if (bytes.length < 12) return err('truncated', 'shorter than any magic');
  return err('wrong_magic');
}

function pngHeader(b: Uint8Array): Result<ImageHeader, ImageHeaderError> {
  // Signature, then the IHDR chunk first: length 13, type, width, height, 5 more bytes, CRC.
  if (b.length < 33) return err('truncated', 'png header');
  if (u32be(b, 8) !== 13 || ascii(b, 12, 4) !== 'IHDR') return err('malformed', 'no IHDR');
  return ok({ mime: 'image/png', width: u32be(b, 16), height: u32be(b, 20) });
}

/** SOF markers carry the frame size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but do not. */
const isSof = (m: number): boolean =>
  m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;

function jpegHeader(b: Uint8Array): Result<ImageHeader, ImageHeaderError> {
  let at = 2;
  for (;;) {
    if (at >= b.length) return err('truncated', 'jpeg before SOF');
    if (b[at] !== 0xff) return err('malformed', 'jpeg marker expected');
    while (b[at] === 0xff) at++; // fill bytes
    if (at >= b.length) return err('truncated', 'jpeg marker');
    const marker = b[at] ?? 0;
    at++;
    // Markers without a length: TEM, RST0-7.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) continue;
    if (marker === 0xd9 || marker === 0xda) return err('malformed', 'jpeg without SOF');
    if (at + 2 > b.length) return err('truncated', 'jpeg segment length');
    const length = u16be(b, at);
    if (length < 2) return err('malformed', 'jpeg segment length');
    if (isSof(marker)) {
      if (length < 8 || at + 7 > b.length) return err('truncated', 'jpeg SOF');
      return ok({ mime: 'image/jpeg', width: u16be(b, at + 5), height: u16be(b, at + 3) });
    }
    at += length;
  }
}

function webpHeader(b: Uint8Array): Result<ImageHeader, ImageHeaderError> {
  if (b.length < 20) return err('truncated', 'webp chunk header');
  const chunk = ascii(b, 12, 4);
  const data = 20;
  if (chunk === 'VP8X') {
    if (b.length < data + 10) return err('truncated', 'webp VP8X');
    return ok({
      mime: 'image/webp',
      width: u24le(b, data + 4) + 1,
      height: u24le(b, data + 7) + 1,
    });
  }
  if (chunk === 'VP8L') {
    if (b.length < data + 5) return err('truncated', 'webp VP8L');
    if (b[data] !== 0x2f) return err('malformed', 'webp VP8L signature');
    const bits = u16le(b, data + 1) | ((b[data + 3] ?? 0) << 16) | ((b[data + 4] ?? 0) << 24);
    return ok({
      mime: 'image/webp',
      width: (bits & 0x3fff) + 1,
      height: ((bits >>> 14) & 0x3fff) + 1,
    });
  }
  if (chunk === 'VP8 ') {
    if (b.length < data + 10) return err('truncated', 'webp VP8');
    if (b[data + 3] !== 0x9d || b[data + 4] !== 0x01 || b[data + 5] !== 0x2a)
      return err('malformed', 'webp VP8 start code');
    return ok({
      mime: 'image/webp',
      width: u16le(b, data + 6) & 0x3fff,
      height: u16le(b, data + 8) & 0x3fff,
    });
  }
  return err('malformed', 'webp without an image chunk');
}
