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
