import { bombPng } from '../../support/imageCorpus.ts';

/**
 * Smallest containers whose headers declare `width` × `height`: enough for the header parser and
 * the metadata reader (no decodable pixels; the e2e corpus uses a canvas for those).
 */
export const minimalPng = (width: number, height: number): Uint8Array => bombPng(width, height);

export function minimalJpeg(width: number, height: number): Uint8Array {
  const sof = [0xff, 0xc0, 0, 17, 8, height >> 8, height & 0xff, width >> 8, width & 0xff, 3];
  const comps = [1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
  return new Uint8Array([0xff, 0xd8, ...sof, ...comps, 0xff, 0xd9]);
}

const riff = (chunks: number[]): Uint8Array => {
  const body = [...'WEBP'].map((c) => c.charCodeAt(0)).concat(chunks);
  const n = body.length;
  return new Uint8Array([0x52, 0x49, 0x46, 0x46, n & 0xff, (n >> 8) & 0xff, n >> 16, 0, ...body]);
};
const fourcc = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

/** A lossy WebP: 'VP8 ' chunk with a key frame header. */
export function minimalWebp(width: number, height: number): Uint8Array {
  const frame = [
    0x30,
    0x01,
    0x00,
    0x9d,
    0x01,
    0x2a,
    width & 0xff,
    width >> 8,
    height & 0xff,
    height >> 8,
  ];
  return riff([...fourcc('VP8 '), frame.length, 0, 0, 0, ...frame]);
}

/** A lossless WebP: 'VP8L' chunk, 14-bit width − 1 and height − 1. */
export function minimalWebpLossless(width: number, height: number): Uint8Array {
  const bits = ((width - 1) & 0x3fff) | (((height - 1) & 0x3fff) << 14);
  const data = [
    0x2f,
    bits & 0xff,
    (bits >>> 8) & 0xff,
    (bits >>> 16) & 0xff,
    (bits >>> 24) & 0xff,
    0,
  ];
  return riff([...fourcc('VP8L'), data.length, 0, 0, 0, ...data]);
}

/**
 * A WebP in canonical form (shared/images/canonicalImage.ts) of exactly `n` bytes: one 'VP8 '
 * chunk, a key frame header, then filler (not decodable pixels).
 */
export function canonicalWebp(n: number, width: number, height: number): Uint8Array {
  const size = n - 20;
  const bytes = new Uint8Array(n);
  bytes.set([
    ...fourcc('RIFF'),
    ...le32(n - 8),
    ...fourcc('WEBP'),
    ...fourcc('VP8 '),
    ...le32(size),
  ]);
  bytes.set(
    [0x30, 0x01, 0x00, 0x9d, 0x01, 0x2a, width & 0xff, width >> 8, height & 0xff, height >> 8],
    20,
  );
  for (let i = 30; i < n; i++) bytes[i] = (i * 31) & 0xff;
  if (size % 2 === 1) throw new Error('canonicalWebp: n must be even');
  return bytes;
}

const le32 = (v: number): number[] => [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, v >>> 24];

/** A baseline JPEG in canonical form: DQT, SOF0, DHT, SOS, a scan (stuffed 0xFF, RST0), EOI. */
export function canonicalJpeg(width: number, height: number): Uint8Array {
  const dqt = [0xff, 0xdb, 0, 67, 0x00, ...Array.from({ length: 64 }, (_, i) => 1 + (i % 50))];
  const sof = [
    0xff,
    0xc0,
    0,
    11,
    8,
    height >> 8,
    height & 0xff,
    width >> 8,
    width & 0xff,
    1,
    1,
    0x11,
    0,
  ];
  const dht = [0xff, 0xc4, 0, 20, 0x00, 1, ...new Array<number>(15).fill(0), 0];
  const sos = [0xff, 0xda, 0, 8, 1, 1, 0x00, 0, 63, 0];
  const scan = [0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56];
  return new Uint8Array([0xff, 0xd8, ...dqt, ...sof, ...dht, ...sos, ...scan, 0xff, 0xd9]);
}
