import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { exportImages, issueImageIds } from '../../../renderer/export/exportImages.ts';
import type { ReencodeResponse } from '../../../renderer/export/reencodeMessages.ts';
import { sodiumReady } from '../../../shared/crypto/sodium.ts';
import type { Block } from '../../../shared/export/IssueBlock.ts';
import { pngPixelsOnly } from '../../../shared/export/pngPixelsOnly.ts';
import { renderIssueHtml } from '../../../shared/export/renderIssueHtml.ts';
import { imageDigest } from '../../../shared/images/imageDigest.ts';
import { imageDocId } from '../../../shared/images/imageDocId.ts';
import { imageDocMaps } from '../../../shared/images/imageDocMaps.ts';
import { writeImageDoc } from '../../../shared/images/writeImageDoc.ts';
import { jpegWithExif, pngWithText, secretsIn } from '../../support/imageCorpus.ts';
import { canonicalJpeg, minimalJpeg, minimalPng } from '../images/minimalImages.ts';

const GOOD = 'a0'.repeat(16);
const EVIL = 'e1'.repeat(16);
const BROKEN = 'b2'.repeat(16);
const ABSENT = 'c3'.repeat(16);

const image = (id: string): Block => ({
  type: 'image',
  id,
  alt: 'Двор',
  caption: 'Подпись',
  width: 64,
  height: 48,
});

/** Writes `bytes` into an image document as a modified app can: no check, a matching digest. */
function writeRaw(doc: Y.Doc, bytes: Uint8Array, digest = imageDigest(bytes)): void {
  const { header, chunks } = imageDocMaps(doc);
  header.set('v', 1);
  header.set('mime', 'image/jpeg');
  header.set('width', 64);
  header.set('height', 48);
  header.set('bytes', bytes.length);
  header.set('digest', digest);
  chunks.push([bytes]);
}

/**
 * The cell as an informer left it: one image document holding a photo with its EXIF (GPS,
 * serials, owner) written straight in, bypassing the sanitiser, with a digest that matches; one
 * whose digest does not; one that never arrived; and one honest (canonical) image.
 */
function cell(): { docOf: (docId: Uint8Array) => Y.Doc; good: Uint8Array } {
  const docs = new Map<string, Y.Doc>();
  const docOf = (docId: Uint8Array): Y.Doc => {
    const key = [...docId].join(',');
    let doc = docs.get(key);
    if (!doc) docs.set(key, (doc = new Y.Doc()));
    return doc;
  };
  const at = (id: string): Y.Doc => {
    const docId = imageDocId(id);
    if (!docId) throw new Error('bad id');
    return docOf(docId);
  };
  const good = canonicalJpeg(64, 48);
  expect(writeImageDoc(at(GOOD), good).ok).toBe(true);
  const evil = jpegWithExif(canonicalJpeg(64, 48));
  expect(secretsIn(evil).length).toBeGreaterThan(5);
  // writeImageDoc refuses it (not canonical); a modified app writes it anyway.
  expect(writeImageDoc(new Y.Doc(), evil).ok).toBe(false);
  writeRaw(at(EVIL), evil);
  const broken = jpegWithExif(minimalJpeg(64, 48));
  writeRaw(at(BROKEN), broken, imageDigest(new Uint8Array(broken.length)));
  return { docOf, good };
}

const drafts = [
  { blocks: [image(GOOD), { type: 'blockquote', blocks: [image(BROKEN)] } as Block] },
  { blocks: [image(ABSENT), image(EVIL), image(GOOD)] },
];

const html = (images: Awaited<ReturnType<typeof exportImages>>): string =>
  renderIssueHtml({
    issue: {
      id: 'ab'.repeat(16),
      masthead: { title: 'Вестник', issueNumber: '', date: '2026-11-07', tagline: '' },
      draftIds: [],
      layout: 'single-column',
      createdAt: 1,
      updatedAt: 1,
    },
    drafts: drafts.map((draft) => ({ title: 'Статья', ...draft })),
    lang: 'ru',
    fontCss: '',
    images,
  });

describe('images for export', () => {
  beforeAll(async () => {
    await sodiumReady();
  });

  it('lists each image once, in reading order, lists and quotes too', () => {
    expect(issueImageIds(drafts)).toEqual([GOOD, BROKEN, ABSENT, EVIL]);
  });

  it('never passes on received bytes: an informer’s EXIF photo leaves no trace in the HTML', async () => {
    const { docOf, good } = cell();
    const seen: Uint8Array[] = [];
    // A re-encoder whose encoder adds text chunks: only the chunks that draw pixels survive.
    const pixels = pngWithText(minimalPng(64, 48));
    const reencode = (
      bytes: Uint8Array,
      fit: { width: number; height: number },
    ): Promise<ReencodeResponse> => {
      seen.push(bytes);
      // A 64-pixel picture prints far below 200 ppi: asked for at its own size.
      expect(fit).toEqual({ width: 64, height: 48 });
      return Promise.resolve({ ok: true, bytes: pixels, width: 64, height: 48 });
    };
    const images = await exportImages(docOf, issueImageIds(drafts), 'a4-two-column', reencode);
    // Only the image whose bytes check out reached the decoder, once: the informer's EXIF photo
    // is refused before decoding (not in canonical form).
    expect(seen).toEqual([good]);
    expect([...images.keys()]).toEqual([GOOD]);
    const png = images.get(GOOD)?.bytes ?? new Uint8Array();
    expect(secretsIn(png)).toEqual([]);
    expect(pngPixelsOnly(png)).toEqual({ ok: true, value: png });
    const page = html(images);
    expect(secretsIn(new TextEncoder().encode(page))).toEqual([]);
    for (const match of page.matchAll(/data:image\/png;base64,([A-Za-z0-9+/=]+)/g))
      expect(secretsIn(Buffer.from(match[1] ?? '', 'base64'))).toEqual([]);
    // The refused, the informer's and the missing image print their alt text.
    expect(page.match(/class="issue-image__missing"/g)).toHaveLength(3);
  });

  it('leaves out an image whose re-encoding is not a PNG of the size it claims', async () => {
    const { docOf } = cell();
    const answers: ReencodeResponse[] = [
      // A "re-encoder" that hands the received bytes back, verbatim.
      { ok: true, bytes: jpegWithExif(minimalJpeg(64, 48)), width: 64, height: 48 },
      { ok: true, bytes: minimalPng(64, 48), width: 65, height: 48 },
      { ok: false, error: 'undecodable' },
      { ok: false, error: 'timeout' },
    ];
    for (const answer of answers) {
      const images = await exportImages(docOf, [GOOD], 'single-column', () =>
        Promise.resolve(answer),
      );
      expect(images.size).toBe(0);
      expect(secretsIn(new TextEncoder().encode(html(images)))).toEqual([]);
    }
  });
});

describe('PNG with pixels only', () => {
  it('keeps IHDR, IDAT and IEND byte for byte and drops every other chunk', () => {
    const clean = minimalPng(3, 2);
    const dirty = pngWithText(clean);
    expect(secretsIn(dirty).length).toBeGreaterThan(2);
    expect(pngPixelsOnly(dirty)).toEqual({ ok: true, value: clean });
    expect(pngPixelsOnly(clean)).toEqual({ ok: true, value: clean });
  });

  it('refuses what is not a whole PNG', () => {
    const clean = minimalPng(3, 2);
    for (const bad of [
      new Uint8Array(),
      minimalJpeg(3, 2),
      clean.subarray(0, clean.length - 4),
      clean.subarray(0, 8 + 25),
    ])
      expect(pngPixelsOnly(bad).ok).toBe(false);
  });
});
