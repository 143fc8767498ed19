import { describe, expect, it } from 'vitest';
import { parseImageHeader } from '../../../shared/images/parseImageHeader.ts';
import { bombPng, jpegWithExif, pngWithText, webpWithXmp } from '../../support/imageCorpus.ts';
import { minimalJpeg, minimalPng, minimalWebp, minimalWebpLossless } from './minimalImages.ts';

describe('parseImageHeader', () => {
  it('reads type and declared size of JPEG, PNG and WebP (VP8, VP8L, VP8X)', () => {
    expect(parseImageHeader(minimalJpeg(640, 480))).toEqual({
      ok: true,
      value: { mime: 'image/jpeg', width: 640, height: 480 },
    });
    expect(parseImageHeader(minimalPng(300, 200))).toMatchObject({
      value: { mime: 'image/png', width: 300, height: 200 },
    });
    expect(parseImageHeader(minimalWebp(1024, 768))).toMatchObject({
      value: { mime: 'image/webp', width: 1024, height: 768 },
    });
    expect(parseImageHeader(minimalWebpLossless(16_000, 7))).toMatchObject({
      value: { mime: 'image/webp', width: 16_000, height: 7 },
    });
    expect(parseImageHeader(webpWithXmp(minimalWebp(33, 44), 33, 44))).toMatchObject({
      value: { mime: 'image/webp', width: 33, height: 44 },
    });
  });

  it('finds the SOF after metadata segments, and the IHDR before text chunks', () => {
    expect(parseImageHeader(jpegWithExif(minimalJpeg(123, 45)))).toMatchObject({
      value: { mime: 'image/jpeg', width: 123, height: 45 },
    });
    expect(parseImageHeader(pngWithText(minimalPng(9, 8)))).toMatchObject({
      value: { mime: 'image/png', width: 9, height: 8 },
    });
  });

  it('refuses declared dimensions over the caps before decoding (bombs)', () => {
    expect(parseImageHeader(bombPng(100_000, 100_000))).toMatchObject({ error: 'too_large' });
    expect(parseImageHeader(bombPng(0xffffffff, 1))).toMatchObject({ error: 'too_large' });
    expect(parseImageHeader(minimalJpeg(16_385, 10))).toMatchObject({ error: 'too_large' });
    // 8,000 × 8,000 is 64 megapixels: each side fits, the product does not.
    expect(parseImageHeader(minimalWebpLossless(8000, 8000))).toMatchObject({ error: 'too_large' });
    expect(parseImageHeader(minimalPng(0, 10))).toMatchObject({ error: 'malformed' });
  });

  it('refuses wrong magic and every truncation without throwing', () => {
    expect(
      parseImageHeader(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg">')),
    ).toMatchObject({ error: 'wrong_magic' });
    expect(parseImageHeader(new Uint8Array(0))).toMatchObject({ error: 'truncated' });
    for (const whole of [
      jpegWithExif(minimalJpeg(64, 64)),
      minimalPng(64, 64),
      minimalWebp(64, 64),
      minimalWebpLossless(64, 64),
    ]) {
      const good = parseImageHeader(whole);
      expect(good.ok).toBe(true);
      // Every prefix short of the dimensions is refused; none throws.
      for (let n = 0; n < whole.length; n++) {
        const cut = parseImageHeader(whole.subarray(0, n));
        if (cut.ok) expect(cut).toEqual(good);
        else expect(['truncated', 'wrong_magic', 'malformed']).toContain(cut.error);
      }
    }
  });

  it('refuses a JPEG whose scan starts before any frame header', () => {
    const noSof = new Uint8Array([0xff, 0xd8, 0xff, 0xda, 0, 2, 0xff, 0xd9]);
    expect(parseImageHeader(noSof)).toMatchObject({ error: 'malformed' });
  });

  it('never throws on random bytes behind a valid magic', () => {
    let seed = 7;
    const next = (): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 0xff;
    for (let i = 0; i < 2000; i++) {
      const base =
        [minimalJpeg(8, 8), minimalPng(8, 8), minimalWebp(8, 8)][i % 3] ?? new Uint8Array();
      const bytes = base.slice();
      for (let j = 2; j < bytes.length; j++) if (next() < 40) bytes[j] = next();
      expect(() => parseImageHeader(bytes)).not.toThrow();
    }
  });
});
