import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { sodiumReady } from '../../../shared/crypto/sodium.ts';
import { imageDigest } from '../../../shared/images/imageDigest.ts';
import { imageDocMaps } from '../../../shared/images/imageDocMaps.ts';
import { IMAGE_LIMITS } from '../../../shared/images/imageLimits.ts';
import { readImageDoc } from '../../../shared/images/readImageDoc.ts';
import { readShownImage } from '../../../renderer/images/readShownImage.ts';
import { jpegWithExif, secretsIn, webpWithXmp } from '../../support/imageCorpus.ts';
import { canonicalJpeg, canonicalWebp } from './minimalImages.ts';

beforeAll(async () => {
  await sodiumReady();
});

/**
 * What an informer's modified app can do: skip the sanitiser and writeImageDoc's own check and
 * write any bytes into an image document with a header and digest that agree with them.
 */
function informerDoc(bytes: Uint8Array, mime: string, width: number, height: number): Y.Doc {
  const doc = new Y.Doc();
  const { header, chunks } = imageDocMaps(doc);
  doc.transact(() => {
    header.set('v', 1);
    header.set('mime', mime);
    header.set('width', width);
    header.set('height', height);
    header.set('bytes', bytes.length);
    header.set('digest', imageDigest(bytes));
    const parts: Uint8Array[] = [];
    for (let at = 0; at < bytes.length; at += IMAGE_LIMITS.chunkBytes)
      parts.push(bytes.slice(at, at + IMAGE_LIMITS.chunkBytes));
    chunks.push(parts);
  });
  // Another member's copy, through the update the engine carries.
  const received = new Y.Doc();
  Y.applyUpdate(received, Y.encodeStateAsUpdate(doc));
  return received;
}

describe("an informer's image with metadata, received by another member", () => {
  const cases: [string, Uint8Array, string][] = [
    [
      'a JPEG with EXIF (GPS, serials, thumbnail), XMP, ICC and a comment',
      jpegWithExif(canonicalJpeg(640, 480)),
      'image/jpeg',
    ],
    [
      'a WebP with EXIF and XMP chunks',
      webpWithXmp(canonicalWebp(2000, 640, 480), 640, 480),
      'image/webp',
    ],
  ];
  for (const [what, bytes, mime] of cases) {
    it(`is refused before its bytes reach the display or export path: ${what}`, () => {
      expect(secretsIn(bytes).length).toBeGreaterThan(5);
      const read = readImageDoc(informerDoc(bytes, mime, 640, 480));
      // On the old code this was ok, and read.value.bytes (what useImageUrl shows and
      // exportImages decodes) carried every secret.
      expect(read.ok ? secretsIn(read.value.bytes) : []).toEqual([]);
      expect(read).toMatchObject({ ok: false, error: 'not_canonical' });
    });
  }

  it('shows a placeholder saying why, and reports the refusal to be counted', () => {
    const [, bytes, mime] = cases[0] ?? [];
    if (!bytes || !mime) throw new Error('no case');
    const doc = informerDoc(bytes, mime, 640, 480);
    const refused: string[] = [];
    const store = { doc: () => doc, noteRefused: (id: string) => refused.push(id) };
    const id = 'ab'.repeat(16);
    expect(readShownImage(store, id, doc)).toEqual({ kind: 'refused', notCanonical: true });
    expect(refused).toEqual([id]);
    // Nothing arrived yet: loading, not counted.
    expect(readShownImage(store, id, new Y.Doc())).toEqual({ kind: 'loading' });
    expect(refused).toEqual([id]);
  });
});
