import { describe, expect, it } from 'vitest';
import { canonicalImage, isCanonicalImage } from '../../../shared/images/canonicalImage.ts';
import { parseImageHeader } from '../../../shared/images/parseImageHeader.ts';
import { jpegWithExif, pngWithText, secretsIn, webpWithXmp } from '../../support/imageCorpus.ts';
import { canonicalJpeg, canonicalWebp, minimalPng } from './minimalImages.ts';

const enc = new TextEncoder();
const concat = (...parts: (Uint8Array | number[])[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => [...p]));
const le32 = (v: number): number[] => [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, v >>> 24];

/** What Chromium's canvas encoder writes: VP8X (ICC flag), an ICCP chunk, then the frame. */
function chromiumWebp(frameWebp: Uint8Array, width: number, height: number): Uint8Array {
  const icc = enc.encode('sRGB profile bytes, even');
  const vp8x = [0x20, 0, 0, 0, ...le32(width - 1).slice(0, 3), ...le32(height - 1).slice(0, 3)];
  const body = concat(
    enc.encode('WEBP'),
    enc.encode('VP8X'),
    le32(10),
    vp8x,
    enc.encode('ICCP'),
    le32(icc.length),
    icc,
    frameWebp.subarray(12),
  );
  return concat(enc.encode('RIFF'), le32(body.length), body);
}

/** A JPEG as libjpeg writes it for Chromium: JFIF APP0 and an ICC APP2 after SOI. */
function chromiumJpeg(jpeg: Uint8Array): Uint8Array {
  const jfif = [0xff, 0xe0, 0, 16, ...enc.encode('JFIF\0'), 1, 1, 0, 0, 1, 0, 1, 0, 0];
  const icc = [0xff, 0xe2, 0, 16, ...enc.encode('ICC_PROFILE\0'), 1, 1];
  return concat(jpeg.subarray(0, 2), jfif, icc, jpeg.subarray(2));
}

describe('canonical image form', () => {
  it("keeps only a WebP's frame: Chromium's VP8X and ICC profile go, the picture stays", () => {
    const simple = canonicalWebp(4000, 320, 200);
    expect(isCanonicalImage(simple)).toBe(true);
    const fromChromium = chromiumWebp(simple, 320, 200);
    expect(isCanonicalImage(fromChromium)).toBe(false);
    const out = canonicalImage(fromChromium);
    expect(out.ok && Buffer.from(out.value).equals(Buffer.from(simple))).toBe(true);
    expect(out.ok && parseImageHeader(out.value)).toMatchObject({
      value: { mime: 'image/webp', width: 320, height: 200 },
    });
  });

  it("keeps only a JPEG's tables, frame and scan: APP0, APP2 go", () => {
    const plain = canonicalJpeg(64, 48);
    expect(isCanonicalImage(plain)).toBe(true);
    const out = canonicalImage(chromiumJpeg(plain));
    expect(out.ok && Buffer.from(out.value).equals(Buffer.from(plain))).toBe(true);
    expect(isCanonicalImage(chromiumJpeg(plain))).toBe(false);
  });

  it('refuses every metadata container and every byte after the picture', () => {
    const webp = canonicalWebp(4000, 320, 200);
    const jpeg = canonicalJpeg(64, 48);
    const withXmp = webpWithXmp(webp, 320, 200);
    const withExif = jpegWithExif(jpeg);
    expect(secretsIn(withXmp).length).toBeGreaterThan(3);
    expect(secretsIn(withExif).length).toBeGreaterThan(3);
    const refused: [string, Uint8Array][] = [
      ['a WebP with EXIF and XMP chunks', withXmp],
      ['a PNG with text chunks', pngWithText(minimalPng(10, 10))],
      ['a JPEG with bytes after EOI', concat(jpeg, enc.encode('GPS 55.75,37.61'))],
      [
        'a WebP with a chunk after the frame',
        concat(
          webp.subarray(0, 4),
          le32(4000),
          webp.subarray(8),
          enc.encode('XMP '),
          le32(4),
          [1, 2, 3, 4],
        ),
      ],
      ['a WebP whose RIFF size is short of the file', concat(webp, [0, 0])],
      [
        'a JPEG with a DQT segment longer than its table',
        concat(
          jpeg.subarray(0, 2),
          [0xff, 0xdb, 0, 70, 0, ...new Array<number>(66).fill(1)],
          jpeg.subarray(2),
        ),
      ],
      [
        'a progressive JPEG marker (SOF2)',
        concat(
          jpeg.subarray(0, 2),
          [0xff, 0xc2, 0, 11, 8, 0, 1, 0, 1, 1, 1, 0x11, 0],
          jpeg.subarray(2),
        ),
      ],
      [
        'a second scan',
        concat(
          jpeg.subarray(0, jpeg.length - 2),
          [0xff, 0xda, 0, 8, 1, 1, 0, 0, 63, 0, 0xff, 0xd9],
        ),
      ],
      ['a JPEG with no EOI', jpeg.subarray(0, jpeg.length - 2)],
      [
        'a WebP frame asking to be upscaled',
        (() => {
          const b = webp.slice();
          b[27] = 0x41;
          return b;
        })(),
      ],
      [
        'an inter frame',
        (() => {
          const b = webp.slice();
          b[20] = 0x31;
          return b;
        })(),
      ],
      ['junk', enc.encode('<svg onload=alert(1)>')],
      ['nothing', new Uint8Array(0)],
    ];
    for (const [what, bytes] of refused) {
      expect(isCanonicalImage(bytes), what).toBe(false);
    }
    // Stripping what the sanitiser's encoder adds never lets metadata through either.
    for (const bytes of [withXmp, withExif]) {
      const out = canonicalImage(bytes);
      expect(out.ok ? secretsIn(out.value) : []).toEqual([]);
    }
  });

  it('refuses anything over the size cap before parsing it', () => {
    expect(canonicalImage(new Uint8Array(2 * 1024 * 1024))).toMatchObject({ detail: 'too long' });
    expect(isCanonicalImage(canonicalWebp(1024 * 1024 + 2, 10, 10))).toBe(false);
  });
});
