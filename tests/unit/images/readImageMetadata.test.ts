import { describe, expect, it } from 'vitest';
import { readImageMetadata } from '../../../shared/images/readImageMetadata.ts';
import { SECRETS, jpegWithExif, pngWithText, webpWithXmp } from '../../support/imageCorpus.ts';
import { minimalJpeg, minimalPng, minimalWebp } from './minimalImages.ts';

/** What the EXIF block of the corpus holds, as the reader reports it. */
const EXIF_ITEMS = [
  { kind: 'exif' },
  { kind: 'camera', detail: `${SECRETS.make} ${SECRETS.model}` },
  { kind: 'date', detail: SECRETS.date },
  { kind: 'owner', detail: SECRETS.owner },
  { kind: 'serial', detail: SECRETS.serial },
  { kind: 'serial', detail: SECRETS.lensSerial },
  { kind: 'makerNote' },
  { kind: 'gps', detail: `${SECRETS.latText}, ${SECRETS.lonText}` },
  { kind: 'thumbnail' },
];

describe('readImageMetadata', () => {
  it('lists GPS, camera, serials, owner, date, maker note, thumbnail, XMP, ICC and comment of a JPEG', () => {
    expect(readImageMetadata(jpegWithExif(minimalJpeg(64, 48)))).toEqual([
      ...EXIF_ITEMS,
      { kind: 'xmp' },
      { kind: 'icc' },
      { kind: 'comment', detail: `Owner ${SECRETS.owner}` },
    ]);
  });

  it('lists the text chunks, XMP and EXIF of a PNG', () => {
    expect(readImageMetadata(pngWithText(minimalPng(10, 10)))).toEqual([
      { kind: 'text', detail: `Comment: ${SECRETS.pngText}` },
      { kind: 'text', detail: `Source: ${SECRETS.pngItxt}` },
      { kind: 'xmp' },
      ...EXIF_ITEMS,
    ]);
  });

  it('lists the EXIF and XMP chunks of an extended WebP', () => {
    expect(readImageMetadata(webpWithXmp(minimalWebp(10, 10), 10, 10))).toEqual([
      ...EXIF_ITEMS,
      { kind: 'xmp' },
    ]);
  });

  it('finds nothing in clean images and unknown bytes', () => {
    expect(readImageMetadata(minimalJpeg(8, 8))).toEqual([]);
    expect(readImageMetadata(minimalPng(8, 8))).toEqual([]);
    expect(readImageMetadata(minimalWebp(8, 8))).toEqual([]);
    expect(readImageMetadata(new TextEncoder().encode('GIF89a'))).toEqual([]);
  });

  it('never throws on truncated or damaged files', () => {
    const whole = jpegWithExif(minimalJpeg(64, 48));
    for (let n = 0; n < whole.length; n += 3)
      expect(() => readImageMetadata(whole.subarray(0, n))).not.toThrow();
    let seed = 11;
    const next = (): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 0xff;
    for (const base of [whole, pngWithText(minimalPng(8, 8)), webpWithXmp(minimalWebp(8, 8), 8, 8)])
      for (let i = 0; i < 300; i++) {
        const bytes = base.slice();
        for (let j = 4; j < bytes.length; j++) if (next() < 6) bytes[j] = next();
        expect(() => readImageMetadata(bytes)).not.toThrow();
      }
  });
});
