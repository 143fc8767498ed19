import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { imposeBooklet } from '../../../shared/export/imposeBooklet.ts';
import { scrubPdf } from '../../../shared/export/scrubPdf.ts';
import { CHROMIUM_DRAFTS, CHROMIUM_ISSUE } from './chromiumIssue.ts';
import { bytesContain, pageTexts } from './pdfFixture.ts';

/** Real Chromium output (fixtures/makeChromiumPdf.ts): Skia Producer, user agent, real times. */
const printed = Uint8Array.from(
  readFileSync(new URL('./fixtures/chromium-a5.pdf', import.meta.url)),
);
const LEAKS = [
  'Skia',
  'HeadlessChrome',
  'Mozilla',
  'Linux',
  'Chrome',
  CHROMIUM_ISSUE.masthead.title,
];
const paragraphs = CHROMIUM_DRAFTS.flatMap((draft) =>
  draft.blocks.map((block) => (block.type === 'paragraph' ? (block.inlines[0]?.text ?? '') : '')),
);

/**
 * Whether every paragraph's opening ("Абзац первый-3:") appears in order in the extracted text,
 * compared without whitespace: justified lines come out of pdf.js as spaced-apart runs, and a
 * paragraph may be split by a page number.
 */
function inOrder(text: string): boolean {
  const squash = (value: string): string => value.replace(/\s+/g, '');
  const flat = squash(text);
  let from = 0;
  for (const paragraph of paragraphs) {
    const label = squash(paragraph.slice(0, paragraph.indexOf(':') + 1));
    const at = flat.indexOf(label, from);
    if (at < 0) return false;
    from = at + label.length;
  }
  return true;
}

describe('a PDF printed by Chromium', () => {
  it('has the leaks the scrubber must remove (fixture check)', async () => {
    for (const leak of LEAKS) expect(bytesContain(printed, leak), leak).toBe(true);
    const read = await pageTexts(printed);
    expect(read.info).toHaveProperty('Producer');
    expect(read.sizes.length).toBeGreaterThanOrEqual(3);
  });

  it('scrubbed: keeps every Cyrillic paragraph in order on A5 pages, loses the rest', async () => {
    const scrubbed = await scrubPdf(printed, '2026-11-07');
    if (!scrubbed.ok) throw new Error(scrubbed.error);
    for (const leak of LEAKS) expect(bytesContain(scrubbed.value, leak), leak).toBe(false);
    const raw = Buffer.from(scrubbed.value).toString('latin1');
    expect(new Set(raw.match(/D:\d+/g))).toEqual(new Set(['D:20261107000000']));
    const read = await pageTexts(scrubbed.value);
    expect(read.sizes.every(([w, h]) => w === 420 && h === 595)).toBe(true);
    const text = read.texts.join(' ');
    expect(text).toContain('Первая статья');
    expect(text).toContain('Друга стаття');
    expect(inOrder(text)).toBe(true);
    expect(read.info).not.toHaveProperty('Producer');
    expect(read.info).not.toHaveProperty('Creator');
    expect(read.info).not.toHaveProperty('Title');
  });

  it('imposed and scrubbed: A4 landscape sheets, the masthead on the first front right', async () => {
    const imposed = await imposeBooklet(printed);
    if (!imposed.ok) throw new Error(imposed.error);
    const scrubbed = await scrubPdf(imposed.value, '2026-11-07');
    if (!scrubbed.ok) throw new Error(scrubbed.error);
    for (const leak of LEAKS) expect(bytesContain(scrubbed.value, leak), leak).toBe(false);
    const source = await pageTexts(printed);
    const read = await pageTexts(scrubbed.value);
    const sheets = Math.ceil(source.sizes.length / 4);
    expect(read.sizes).toEqual(Array(sheets * 2).fill([842, 595]));
    // Every page's text is on some side, whole.
    const all = read.texts.join(' ');
    for (const page of source.texts) expect(all).toContain(page.trim().slice(0, 60));
    expect(read.texts[0]).toContain('Вестник');
  });
});
