import { PageSizes, PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { bookletOrder } from '../../../shared/export/bookletOrder.ts';
import { findPdfMarker } from '../../../shared/export/findPdfMarker.ts';
import { imposeBooklet } from '../../../shared/export/imposeBooklet.ts';
import { ISSUE_LAYOUTS } from '../../../shared/export/IssueLayout.ts';
import { issuePageSpec } from '../../../shared/export/issuePageSpec.ts';
import { scrubPdf } from '../../../shared/export/scrubPdf.ts';
import { bytesContain, leakyPdf, openWithPdfJs, pageTexts } from './pdfFixture.ts';

const LEAKS = [
  'Anna',
  'Printers cell',
  'Quire',
  'Chromium',
  'Skia',
  'pdf-lib',
  '2025',
  'PieceInfo',
];
const MM_TO_PT = 72 / 25.4;

describe('booklet page order', () => {
  it('folds 4, 5 and 8 pages into the standard saddle-stitch order', () => {
    expect(bookletOrder(4).sheets).toEqual([{ front: [3, 0], back: [1, 2] }]);
    expect(bookletOrder(8).sheets).toEqual([
      { front: [7, 0], back: [1, 6] },
      { front: [5, 2], back: [3, 4] },
    ]);
    expect(bookletOrder(5).sheets).toEqual([
      { front: [null, 0], back: [1, null] },
      { front: [null, 2], back: [3, 4] },
    ]);
  });

  it('places every page exactly once, blanks only as end padding, reading order when folded', () => {
    for (let count = 1; count <= 41; count++) {
      const { sheets } = bookletOrder(count);
      const padded = Math.ceil(count / 4) * 4;
      expect(sheets.length).toBe(padded / 4);
      const slots = sheets.flatMap((sheet) => [...sheet.front, ...sheet.back]);
      const pages = slots.filter((slot): slot is number => slot !== null).sort((a, b) => a - b);
      expect(pages).toEqual(Array.from({ length: count }, (_, i) => i));
      expect(slots.filter((slot) => slot === null).length).toBe(padded - count);
      // Folded, sheet k's front right is page 2k and its back left 2k+1; the left half of its
      // front and the right half of its back are the mirrored pages from the end.
      sheets.forEach((sheet, k) => {
        const mirror = (index: number): number | null => (index < count ? index : null);
        expect(sheet.front).toEqual([mirror(padded - 1 - 2 * k), mirror(2 * k)]);
        expect(sheet.back).toEqual([mirror(2 * k + 1), mirror(padded - 2 - 2 * k)]);
      });
    }
    for (const bad of [0, -4, 2.5, Number.NaN, Infinity, 1_000_001]) {
      expect(bookletOrder(bad).sheets).toEqual([]);
    }
  });
});

describe('page specs', () => {
  it('match the paper of each layout', () => {
    expect(ISSUE_LAYOUTS.map((layout) => [layout, issuePageSpec(layout)])).toEqual([
      [
        'a4-two-column',
        { pageSize: 'A4', landscape: false, marginMm: 15, widthMm: 210, heightMm: 297, columns: 2 },
      ],
      [
        'a5-booklet',
        { pageSize: 'A5', landscape: false, marginMm: 12, widthMm: 148, heightMm: 210, columns: 1 },
      ],
      [
        'single-column',
        { pageSize: 'A4', landscape: false, marginMm: 20, widthMm: 210, heightMm: 297, columns: 1 },
      ],
    ]);
  });
});

describe('imposeBooklet', () => {
  it('puts A5 pages two to a side of A4 landscape sheets in booklet order', async () => {
    const texts = ['page one', 'page two', 'page three', 'page four', 'page five'];
    const imposed = await imposeBooklet(await leakyPdf(texts));
    expect(imposed.ok).toBe(true);
    if (!imposed.ok) return;
    const read = await pageTexts(imposed.value);
    // Five pages pad to eight: two sheets, front and back each.
    expect(read.sizes).toEqual(Array(4).fill([842, 595]));
    expect(read.texts.map((text) => text.trim())).toEqual([
      'page one',
      'page two',
      'page three',
      'page four page five',
    ]);
    const a4 = await PDFDocument.load(imposed.value);
    expect(a4.getPage(0).getSize()).toEqual({ width: PageSizes.A4[1], height: PageSizes.A4[0] });
    expect(Math.abs(PageSizes.A5[0] - 148 * MM_TO_PT)).toBeLessThan(1);
    // The output carries none of the input's metadata and nothing of pdf-lib.
    for (const leak of ['Anna', 'Printers cell', 'Quire', 'pdf-lib']) {
      expect(bytesContain(imposed.value, leak), leak).toBe(false);
    }
  });

  it('places each page in its half', async () => {
    const imposed = await imposeBooklet(await leakyPdf(['1', '2', '3', '4']));
    if (!imposed.ok) throw new Error(imposed.error);
    const doc = await openWithPdfJs(imposed.value);
    const halves: string[][] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const content = await (await doc.getPage(i)).getTextContent();
      const items = content.items.flatMap((item) =>
        'str' in item && item.str.trim() ? [item] : [],
      );
      const left = items.filter((item) => (item.transform[4] as number) < PageSizes.A4[1] / 2);
      const right = items.filter((item) => (item.transform[4] as number) >= PageSizes.A4[1] / 2);
      halves.push([left.map((item) => item.str).join(''), right.map((item) => item.str).join('')]);
    }
    await doc.destroy();
    expect(halves).toEqual([
      ['4', '1'],
      ['2', '3'],
    ]);
  });

  it('refuses garbage without throwing', async () => {
    const good = await leakyPdf(['x']);
    const inputs = [new Uint8Array(0), new TextEncoder().encode('not a pdf'), good.slice(0, 200)];
    for (const input of inputs) {
      const result = await imposeBooklet(input);
      expect(result.ok).toBe(false);
    }
  });
});

describe('scrubPdf', () => {
  it('removes every trace of who made the file and when, and keeps the text', async () => {
    const leaky = await leakyPdf(['First paragraph of the issue', 'Second page text']);
    for (const leak of LEAKS) expect(bytesContain(leaky, leak), `fixture has ${leak}`).toBe(true);
    const scrubbed = await scrubPdf(leaky, '2026-11-07');
    expect(scrubbed.ok).toBe(true);
    if (!scrubbed.ok) return;
    for (const leak of LEAKS) expect(bytesContain(scrubbed.value, leak), leak).toBe(false);
    const raw = Buffer.from(scrubbed.value).toString('latin1');
    expect(raw.match(/D:\d{8}/g)).toEqual(['D:20261107', 'D:20261107']);
    expect(raw).not.toMatch(/\/(ID|Metadata|Annots|Author|Title|Creator|Producer|LastModified)\b/);
    const read = await pageTexts(scrubbed.value);
    expect(read.texts).toEqual(['First paragraph of the issue', 'Second page text']);
    expect(read.info).toMatchObject({ CreationDate: 'D:20261107000000Z', xmp: false });
    expect(read.info).not.toHaveProperty('Title');
    expect(read.info).not.toHaveProperty('Author');
    expect(read.info).not.toHaveProperty('Producer');
  });

  it('scrubs a file whose objects sit in compressed object streams', async () => {
    const leaky = await leakyPdf(['Compressed page'], PageSizes.A5, { objectStreams: true });
    expect(Buffer.from(leaky).toString('latin1')).toContain('/ObjStm');
    const scrubbed = await scrubPdf(leaky, '2026-11-07');
    if (!scrubbed.ok) throw new Error(scrubbed.error);
    for (const leak of LEAKS) expect(bytesContain(scrubbed.value, leak), leak).toBe(false);
    expect((await pageTexts(scrubbed.value)).texts).toEqual(['Compressed page']);
  });

  it('scrubs an imposed booklet the same way', async () => {
    const imposed = await imposeBooklet(await leakyPdf(['a', 'b', 'c']));
    if (!imposed.ok) throw new Error(imposed.error);
    const scrubbed = await scrubPdf(imposed.value, '2026-01-31');
    expect(scrubbed.ok && findPdfMarker(scrubbed.value)).toBe(undefined);
  });

  it('refuses a bad date, garbage, flipped bytes and encryption with an error, never a throw', async () => {
    const good = await leakyPdf(['text']);
    expect(await scrubPdf(good, '2026-13-01')).toEqual({ ok: false, error: 'invalid-date' });
    expect((await scrubPdf(new Uint8Array(0), '2026-01-01')).ok).toBe(false);
    expect((await scrubPdf(new TextEncoder().encode('%PDF-1.7\ngarbage'), '2026-01-01')).ok).toBe(
      false,
    );
    // Flip bytes all over the file: each result is a clean file or an error, never an exception
    // and never a file that still leaks.
    for (let seed = 1; seed <= 40; seed++) {
      const flipped = good.slice();
      for (let k = 0; k < 8; k++) {
        const at = (seed * 7919 * (k + 1)) % flipped.length;
        flipped[at] = (flipped[at] ?? 0) ^ (1 << (k % 8));
      }
      const result = await scrubPdf(flipped, '2026-01-01');
      if (result.ok) {
        for (const leak of ['Anna', 'Printers cell', 'Quire']) {
          expect(bytesContain(result.value, leak)).toBe(false);
        }
      } else {
        expect(['invalid-pdf', 'leak']).toContain(result.error);
      }
    }
    const encrypted = Buffer.from(good)
      .toString('latin1')
      .replace('trailer\n<<', 'trailer\n<<\n/Encrypt 1 0 R');
    expect(
      await scrubPdf(Uint8Array.from(Buffer.from(encrypted, 'latin1')), '2026-01-01'),
    ).toMatchObject({
      ok: false,
      error: 'encrypted',
    });
  });

  it('finds markers in every encoding', () => {
    const enc = (text: string, encoding: BufferEncoding): Uint8Array =>
      Uint8Array.from(Buffer.from(text, encoding));
    expect(findPdfMarker(enc('/Producer (Skia/PDF m142)', 'latin1'))).toBe('Skia');
    expect(findPdfMarker(Uint8Array.from(Buffer.from('Chromium', 'utf16le').swap16()))).toBe(
      'Chromium',
    );
    expect(findPdfMarker(enc('/Creator <FEFF00510075006900720065>', 'latin1'))).toBe('Quire');
    expect(findPdfMarker(enc('/Creator <5175697265>', 'latin1'))).toBe('Quire');
    expect(findPdfMarker(enc('an ordinary newsletter', 'latin1'))).toBe(undefined);
  });
});
