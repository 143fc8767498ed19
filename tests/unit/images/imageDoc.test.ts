import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { sodiumReady } from '../../../shared/crypto/sodium.ts';
import { checkImageBudget } from '../../../shared/images/checkImageBudget.ts';
import { imageDocMaps } from '../../../shared/images/imageDocMaps.ts';
import { newImageId } from '../../../shared/images/imageDocId.ts';
import { IMAGE_LIMITS } from '../../../shared/images/imageLimits.ts';
import { readImageDoc } from '../../../shared/images/readImageDoc.ts';
import { registerImage } from '../../../shared/images/registerImage.ts';
import { writeImageDoc } from '../../../shared/images/writeImageDoc.ts';
import { canonicalWebp, minimalJpeg, minimalPng } from './minimalImages.ts';

beforeAll(async () => {
  await sodiumReady();
});

/** A stored-size WebP of `n` bytes (even) in canonical form: a real header, then filler. */
const webpOf = (n: number, width = 800, height = 600): Uint8Array =>
  canonicalWebp(n, width, height);

/** A copy of `doc` as a receiver holds it (through a Yjs update). */
function received(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

describe('image documents', () => {
  it('round-trips bytes in 256 KiB chunks as one update under the update budget', () => {
    const doc = new Y.Doc();
    const bytes = webpOf(IMAGE_LIMITS.storedMaxBytes);
    expect(writeImageDoc(doc, bytes)).toEqual({ ok: true, value: undefined });
    expect(imageDocMaps(doc).chunks.length).toBe(4);
    expect(Y.encodeStateAsUpdate(doc).length).toBeLessThan(2 * 1024 * 1024 - 1024);
    const read = readImageDoc(received(doc));
    // Compared as one Buffer: a deep equality of 1 MiB element by element takes seconds.
    expect(read.ok && Buffer.from(read.value.bytes).equals(Buffer.from(bytes))).toBe(true);
    expect(read.ok && [read.value.mime, read.value.width, read.value.height]).toEqual([
      'image/webp',
      800,
      600,
    ]);
  });

  it('refuses to write what a receiver would refuse', () => {
    expect(writeImageDoc(new Y.Doc(), webpOf(IMAGE_LIMITS.storedMaxBytes + 2))).toMatchObject({
      error: 'too_large',
    });
    expect(writeImageDoc(new Y.Doc(), minimalPng(10, 10))).toMatchObject({ error: 'bad_image' });
    expect(writeImageDoc(new Y.Doc(), minimalJpeg(1601, 10))).toMatchObject({ error: 'bad_image' });
    const doc = new Y.Doc();
    writeImageDoc(doc, webpOf(1000));
    expect(writeImageDoc(doc, webpOf(1000))).toMatchObject({ error: 'not_empty' });
  });

  it('shows nothing yet for an empty document', () => {
    expect(readImageDoc(new Y.Doc())).toMatchObject({ error: 'missing' });
  });

  const tampered: [string, (doc: Y.Doc) => void, string][] = [
    ['an extra chunk', (d) => imageDocMaps(d).chunks.push([new Uint8Array(10)]), 'bad_chunks'],
    ['a chunk deleted', (d) => imageDocMaps(d).chunks.delete(0, 1), 'bad_chunks'],
    ['a string chunk', (d) => imageDocMaps(d).chunks.insert(0, ['x']), 'bad_chunks'],
    [
      'an oversized chunk',
      (d) => {
        const c = imageDocMaps(d).chunks;
        c.delete(0, c.length);
        c.push([webpOf(IMAGE_LIMITS.chunkBytes + 2)]);
        imageDocMaps(d).header.set('bytes', IMAGE_LIMITS.chunkBytes + 2);
      },
      'bad_chunks',
    ],
    [
      'a wrong digest',
      (d) => imageDocMaps(d).header.set('digest', '00'.repeat(32)),
      'digest_mismatch',
    ],
    ['an SVG type', (d) => imageDocMaps(d).header.set('mime', 'image/svg+xml'), 'bad_header'],
    ["a header width not the bytes'", (d) => imageDocMaps(d).header.set('width', 801), 'bad_image'],
    ['a huge declared width', (d) => imageDocMaps(d).header.set('width', 1e9), 'bad_header'],
    ['a length over the cap', (d) => imageDocMaps(d).header.set('bytes', 1e9), 'bad_header'],
    ['version 2', (d) => imageDocMaps(d).header.set('v', 2), 'bad_header'],
    [
      'bytes replaced (digest and all)',
      (d) => {
        const junk = new TextEncoder().encode('<svg onload=alert(1)>');
        const c = imageDocMaps(d).chunks;
        c.delete(0, c.length);
        c.push([junk]);
        const h = imageDocMaps(d).header;
        h.set('bytes', junk.length);
        h.set('digest', '');
      },
      'digest_mismatch',
    ],
  ];
  for (const [what, tamper, error] of tampered) {
    it(`refuses an image document with ${what}`, () => {
      const doc = new Y.Doc();
      writeImageDoc(doc, webpOf(300_000));
      const copy = received(doc);
      tamper(copy);
      expect(() => readImageDoc(copy)).not.toThrow();
      expect(readImageDoc(received(copy))).toMatchObject({ ok: false, error });
    });
  }

  it('keeps a member within her image budget (count and bytes), ignoring junk entries', () => {
    const index = new Y.Doc();
    const writer = { authors: () => 'me', member: 'me' };
    index.getMap('images').set('not-an-id', 5);
    index.getMap('images').set(newImageId(), 'x');
    expect(checkImageBudget(index, 1000, writer)).toMatchObject({
      value: { count: 0, dropped: 2 },
    });
    const big = Math.floor(IMAGE_LIMITS.memberMaxBytes / 4);
    for (let i = 0; i < 4; i++) registerImage(index, newImageId(), big);
    expect(
      checkImageBudget(index, IMAGE_LIMITS.memberMaxBytes - 4 * big + 1, writer),
    ).toMatchObject({ error: 'member_images_bytes' });
    for (let i = 4; i < IMAGE_LIMITS.memberMaxImages; i++) registerImage(index, newImageId(), 1);
    expect(checkImageBudget(index, 1, writer)).toMatchObject({ error: 'member_images_count' });
  });
});
