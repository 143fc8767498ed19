import { err, ok, type Result } from '../util/result.ts';
import { IMAGE_LIMITS } from './imageLimits.ts';

/**
 * The one form an image document's bytes may take, and the sanitiser's last step. Chromium's
 * encoders add an sRGB ICC profile (a WebP VP8X + ICCP, a JPEG APP0 + APP2): canonicalImage keeps
 * only what draws the picture, so the rule a receiver applies (isCanonicalImage) is simple and
 * owes nothing to one browser's encoder:
 *
 * - WebP: `RIFF` size `WEBP`, then exactly one `VP8 ` chunk (a lossy key frame) filling the file.
 * - JPEG: SOI; only DQT, DHT, DRI and one SOF0 (baseline), each exactly as long as its tables;
 *   one SOS and its entropy-coded data (0xFF only stuffed or as a restart marker); EOI last.
 *
 * So no EXIF, XMP, IPTC, ICC, comment, thumbnail or byte after the end can be in it. Not parsed:
 * the compressed picture data itself (VP8 partitions, JPEG scan), which a modified app can still
 * fill as it likes, as it can the pixels (THREAT_MODEL §9). Size caps come before any parsing.
 */
export type CanonicalError = 'not_canonical';

const ascii = (b: Uint8Array, at: number): string =>
  String.fromCharCode(b[at] ?? 0, b[at + 1] ?? 0, b[at + 2] ?? 0, b[at + 3] ?? 0);
const u16be = (b: Uint8Array, at: number): number => ((b[at] ?? 0) << 8) | (b[at + 1] ?? 0);
const u24le = (b: Uint8Array, at: number): number =>
  (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8) | ((b[at + 2] ?? 0) << 16);
const u32le = (b: Uint8Array, at: number): number => u24le(b, at) + (b[at + 3] ?? 0) * 0x1000000;
const le32 = (v: number): number[] => [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, v >>> 24];

/** Encoder output is at most this long (a little over the stored cap: the profile is dropped). */
const INPUT_MAX = IMAGE_LIMITS.storedMaxBytes + 64 * 1024;

/**
 * The canonical form of an encoder's output (the sanitiser's WebP or JPEG): its drawing data
 * re-wrapped with nothing else. Refuses what it cannot vouch for (any other chunk or segment, a
 * second frame or scan, lengths that disagree). Never throws.
 */
export function canonicalImage(bytes: Uint8Array): Result<Uint8Array, CanonicalError> {
  if (bytes.length > INPUT_MAX) return err('not_canonical', 'too long');
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return canonicalJpeg(bytes);
  if (ascii(bytes, 0) === 'RIFF' && ascii(bytes, 8) === 'WEBP') return canonicalWebp(bytes);
  return err('not_canonical', 'not WebP or JPEG');
}

/** Whether `bytes` are exactly in canonical form: nothing canonicalImage would drop or refuse. */
export function isCanonicalImage(bytes: Uint8Array): boolean {
  if (bytes.length > IMAGE_LIMITS.storedMaxBytes) return false;
  const canonical = canonicalImage(bytes);
  return (
    canonical.ok &&
    canonical.value.length === bytes.length &&
    canonical.value.every((b, i) => b === bytes[i])
  );
}

function canonicalWebp(b: Uint8Array): Result<Uint8Array, CanonicalError> {
  if (b.length < 12 || u32le(b, 4) + 8 !== b.length) return err('not_canonical', 'RIFF size');
  let vp8: Uint8Array | undefined;
  let vp8x: Uint8Array | undefined;
  let seen = 0;
  for (let at = 12; at < b.length; seen++) {
    if (at + 8 > b.length) return err('not_canonical', 'chunk header');
    const type = ascii(b, at);
    const size = u32le(b, at + 4);
    const end = at + 8 + size;
    if (end + (size % 2) > b.length) return err('not_canonical', 'chunk size');
    if (size % 2 === 1 && b[end] !== 0) return err('not_canonical', 'chunk padding');
    const data = b.subarray(at + 8, end);
    // Chromium writes VP8X, then ICCP (an sRGB profile), then the frame; nothing else is kept.
    if (type === 'VP8X' && seen === 0 && size === 10) vp8x = data;
    else if (type === 'ICCP' && seen === 1 && vp8x !== undefined) {
      // dropped
    } else if (type === 'VP8 ' && vp8 === undefined) vp8 = data;
    else return err('not_canonical', `chunk ${JSON.stringify(type)}`);
    at = end + (size % 2);
  }
  if (vp8 === undefined) return err('not_canonical', 'no VP8 chunk');
  const frame = vp8Frame(vp8);
  if (!frame.ok) return frame;
  if (vp8x !== undefined) {
    // Only the ICC flag (0x20) may be set: no alpha, animation, EXIF or XMP.
    if ((vp8x[0] ?? 0) & ~0x20 || vp8x[1] || vp8x[2] || vp8x[3])
      return err('not_canonical', 'VP8X flags');
    if (u24le(vp8x, 4) + 1 !== frame.value.width || u24le(vp8x, 7) + 1 !== frame.value.height)
      return err('not_canonical', 'VP8X canvas');
  }
  const pad = vp8.length % 2;
  const out = new Uint8Array(20 + vp8.length + pad);
  out.set([0x52, 0x49, 0x46, 0x46, ...le32(out.length - 8), 0x57, 0x45, 0x42, 0x50]);
  out.set([0x56, 0x50, 0x38, 0x20, ...le32(vp8.length)], 12);
  out.set(vp8, 20);
  return ok(out);
}

/** A VP8 key frame header: shown, no scaling, a first partition inside the chunk. */
function vp8Frame(d: Uint8Array): Result<{ width: number; height: number }, CanonicalError> {
  if (d.length < 10) return err('not_canonical', 'VP8 frame');
  const tag = u24le(d, 0);
  const keyFrame = (tag & 1) === 0;
  const version = (tag >>> 1) & 7;
  const shown = (tag >>> 4) & 1;
  const firstPart = tag >>> 5;
  if (!keyFrame || version > 3 || !shown || firstPart === 0 || 10 + firstPart > d.length)
    return err('not_canonical', 'VP8 frame tag');
  if (d[3] !== 0x9d || d[4] !== 0x01 || d[5] !== 0x2a) return err('not_canonical', 'VP8 start');
  const w = (d[6] ?? 0) | ((d[7] ?? 0) << 8);
  const h = (d[8] ?? 0) | ((d[9] ?? 0) << 8);
  // The top two bits ask the decoder to upscale: the sanitiser never writes them.
  if (w >>> 14 || h >>> 14 || (w & 0x3fff) === 0 || (h & 0x3fff) === 0)
    return err('not_canonical', 'VP8 size');
  return ok({ width: w, height: h });
}

const SOF0 = 0xc0;
const DHT = 0xc4;
const DQT = 0xdb;
const DRI = 0xdd;
const SOS = 0xda;
const EOI = 0xd9;

function canonicalJpeg(b: Uint8Array): Result<Uint8Array, CanonicalError> {
  const kept: Uint8Array[] = [b.subarray(0, 2)];
  let frames = 0;
  let at = 2;
  for (;;) {
    if (at + 4 > b.length || b[at] !== 0xff) return err('not_canonical', 'JPEG marker');
    const marker = b[at + 1] ?? 0;
    const length = u16be(b, at + 2);
    const end = at + 2 + length;
    if (length < 2 || end > b.length) return err('not_canonical', 'JPEG segment length');
    const body = b.subarray(at + 4, end);
    if ((marker >= 0xe0 && marker <= 0xef) || marker === 0xfe) {
      // APPn (JFIF, EXIF, XMP, ICC, IPTC...) and COM: dropped.
    } else if (marker === DQT && tablesFit(body, dqtSize)) kept.push(b.subarray(at, end));
    else if (marker === DHT && tablesFit(body, dhtSize)) kept.push(b.subarray(at, end));
    else if (marker === DRI && length === 4) kept.push(b.subarray(at, end));
    else if (marker === SOF0 && frames++ === 0 && sofFits(body)) kept.push(b.subarray(at, end));
    else if (marker === SOS && frames === 1 && length === 6 + 2 * (body[0] ?? 0)) {
      const stop = scanEnd(b, end);
      if (stop === undefined) return err('not_canonical', 'JPEG scan');
      kept.push(b.subarray(at, stop));
      break;
    } else return err('not_canonical', `JPEG marker ${marker.toString(16)}`);
    at = end;
  }
  const out = new Uint8Array(kept.reduce((n, part) => n + part.length, 0));
  let to = 0;
  for (const part of kept) {
    out.set(part, to);
    to += part.length;
  }
  return ok(out);
}

/** The index just after EOI ending the scan that starts at `at`, or undefined. */
function scanEnd(b: Uint8Array, at: number): number | undefined {
  for (let i = at; i + 1 < b.length; i++) {
    if (b[i] !== 0xff) continue;
    const next = b[i + 1] ?? 0;
    if (next === 0x00 || (next >= 0xd0 && next <= 0xd7)) {
      i++;
      continue;
    }
    return next === EOI ? i + 2 : undefined;
  }
  return undefined;
}

/** Whether `body` is a whole number of tables, each `size(body, at)` bytes long. */
function tablesFit(body: Uint8Array, size: (b: Uint8Array, at: number) => number): boolean {
  let at = 0;
  while (at < body.length) {
    const n = size(body, at);
    if (n === 0) return false;
    at += n;
  }
  return body.length > 0 && at === body.length;
}

/** A quantisation table: Pq/Tq, then 64 values of 8 or 16 bits. */
const dqtSize = (b: Uint8Array, at: number): number => {
  const pq = (b[at] ?? 0) >> 4;
  const tq = (b[at] ?? 0) & 15;
  return pq > 1 || tq > 3 ? 0 : 1 + 64 * (pq + 1);
};

/** A Huffman table: Tc/Th, 16 counts, then that many values. */
const dhtSize = (b: Uint8Array, at: number): number => {
  if ((b[at] ?? 0) >> 4 > 1 || ((b[at] ?? 0) & 15) > 3 || at + 17 > b.length) return 0;
  let values = 0;
  for (let i = 1; i <= 16; i++) values += b[at + i] ?? 0;
  return 17 + values;
};

/** SOF0: precision 8, height, width, then three bytes per component. */
const sofFits = (body: Uint8Array): boolean => {
  const components = body[5] ?? 0;
  return body[0] === 8 && components >= 1 && components <= 4 && body.length === 6 + 3 * components;
};
