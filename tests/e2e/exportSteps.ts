import { readFile } from 'node:fs/promises';
import type { Browser, Locator, Page } from '@playwright/test';
import { decodePDFRawStream, PDFArray, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { expect } from './fixtures.ts';

/** A file the app offered as a download, read back from Playwright's download folder. */
export async function downloadFrom(
  page: Page,
  button: Locator,
): Promise<{ readonly name: string; readonly bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: await readFile(path) };
}

/** What a fresh page that loaded the HTML tried to fetch, and every URL-bearing attribute. */
export interface LoadedHtml {
  readonly page: Page;
  readonly requests: readonly string[];
  close(): Promise<void>;
}

/**
 * Loads an exported HTML file in a new, empty browser context with every network request
 * refused and recorded (data: URLs never reach the router), the way a reader opens the file.
 */
export async function openHtml(browser: Browser, html: string): Promise<LoadedHtml> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const requests: string[] = [];
  await context.route('**/*', (route) => {
    requests.push(route.request().url());
    return route.abort();
  });
  const page = await context.newPage();
  await page.setContent(html, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready.then(() => undefined)).catch(() => undefined);
  return { page, requests, close: () => context.close() };
}

/** Attributes that could make a document fetch or navigate anywhere. */
export const urlAttributes = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    const names = ['src', 'href', 'srcset', 'action', 'formaction', 'poster', 'data', 'background'];
    const found: string[] = [];
    for (const el of document.querySelectorAll('*')) {
      for (const name of names) {
        const value = el.getAttribute(name);
        if (value !== null)
          found.push(`${el.tagName.toLowerCase()}[${name}=${value.slice(0, 60)}]`);
      }
    }
    return found;
  });

/** Every url(...) in the document's CSS that is not a data: URL, and any @import. */
export function externalCssUrls(html: string): string[] {
  const out: string[] = [];
  for (const match of html.matchAll(/url\(\s*(['"]?)([^'")]*)\1\s*\)/gi)) {
    const target = match[2] ?? '';
    if (!target.startsWith('data:')) out.push(target.slice(0, 80));
  }
  for (const match of html.matchAll(/@import[^;]*/gi)) out.push(match[0]);
  return out;
}

export interface PdfFacts {
  readonly pages: readonly {
    readonly width: number;
    readonly height: number;
    readonly text: string;
  }[];
  readonly info: Record<string, unknown>;
  readonly xmp: string | null;
}

/** Page sizes (pt), the text of each page and the metadata, as pdf.js reads them. */
export async function readPdf(bytes: Uint8Array): Promise<PdfFacts> {
  const doc = await getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
  }).promise;
  try {
    const pages: { width: number; height: number; text: string }[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = page.view;
      const content = await page.getTextContent();
      // Page numbers sit in the bottom margin box (y near 0): left out, they would cut into a
      // paragraph that runs on to the next page.
      const text = content.items
        .map((item) =>
          !('str' in item) || (/^\s*\d+\s*$/.test(item.str) && (item.transform[5] ?? 0) < 30)
            ? ''
            : item.str,
        )
        .join(' ');
      pages.push({ width: Math.abs(x1 - x0), height: Math.abs(y1 - y0), text });
    }
    const meta = await doc.getMetadata();
    const xmp = meta.metadata === null ? null : JSON.stringify([...meta.metadata]);
    return { pages, info: meta.info as Record<string, unknown>, xmp };
  } finally {
    await doc.destroy();
  }
}

/**
 * Text for order checks: without whitespace, hyphens or soft hyphens (justification and
 * hyphenation move those around; the letters stay).
 */
export const squash = (text: string): string => text.replace(/[\s\u00ad\u2010\u2011-]+/g, '');

/** Fails unless every one of `parts` occurs in `text`, each after the one before. */
export function expectInOrder(text: string, parts: readonly string[], what: string): void {
  const haystack = squash(text);
  let from = 0;
  for (const part of parts) {
    const at = haystack.indexOf(squash(part), from);
    expect(at, `${what}: “${part.slice(0, 40)}…” missing or out of order`).toBeGreaterThanOrEqual(
      0,
    );
    from = at + squash(part).length;
  }
}

/** `needle` in Latin-1 (PDF strings, names) and UTF-16BE (PDF text strings), hits named. */
export function rawHits(bytes: Uint8Array, needles: readonly string[]): string[] {
  const buffer = Buffer.from(bytes);
  const hits: string[] = [];
  for (const needle of needles) {
    if (buffer.includes(Buffer.from(needle, 'latin1'))) hits.push(`${needle} (latin1)`);
    if (buffer.includes(Buffer.from(needle, 'utf8'))) hits.push(`${needle} (utf8)`);
    const utf16be = Buffer.from(needle, 'utf16le').swap16();
    if (buffer.includes(utf16be)) hits.push(`${needle} (utf16be)`);
  }
  return hits;
}

/** Every date-like string in the raw bytes: PDF dates (D:YYYYMMDD) and ISO dates. */
export function datesIn(bytes: Uint8Array): string[] {
  const text = Buffer.from(bytes).toString('latin1');
  const dates = new Set<string>();
  for (const match of text.matchAll(/D:(\d{4})(\d{2})(\d{2})/g)) {
    dates.add(`${match[1]}-${match[2]}-${match[3]}`);
  }
  for (const match of text.matchAll(/\b(19|20)\d{2}-\d{2}-\d{2}\b/g)) dates.add(match[0]);
  return [...dates];
}

/**
 * How far apart the ends of the two columns are on each page of a two-column PDF, in points:
 * the lowest line of text left and right of the page's middle (page numbers, in the bottom
 * margin, left out). An empty column ends where the other one starts.
 */
export async function columnGaps(bytes: Uint8Array): Promise<number[]> {
  const doc = await getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
  }).promise;
  try {
    const gaps: number[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [x0 = 0, , x1 = 0] = page.view;
      const middle = (x0 + x1) / 2;
      const sides = { left: [] as number[], right: [] as number[] };
      for (const item of (await page.getTextContent()).items) {
        if (!('str' in item) || item.str.trim() === '') continue;
        const [, , , , x = 0, y = 0] = item.transform as number[];
        if (y < 30) continue;
        (x < middle ? sides.left : sides.right).push(y);
      }
      const top = Math.max(...sides.left, ...sides.right);
      const end = (ys: number[]): number => (ys.length === 0 ? top : Math.min(...ys));
      gaps.push(Math.abs(end(sides.left) - end(sides.right)));
    }
    return gaps;
  } finally {
    await doc.destroy();
  }
}

/** The decoded content streams of every page (pdf-lib), to look for colour operators. */
export async function pageContents(bytes: Uint8Array): Promise<string> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  let text = '';
  for (const page of pdf.getPages()) {
    const value = page.node.get(PDFName.of('Contents'));
    for (const ref of value instanceof PDFArray ? value.asArray() : [value]) {
      const stream = pdf.context.lookup(ref);
      if (stream instanceof PDFRawStream) {
        text += Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
      }
    }
  }
  return text;
}

/** Every image XObject of a PDF: its size, colour space and filter (pdf-lib). */
export async function pdfImages(
  bytes: Uint8Array,
): Promise<{ width: number; height: number; space: string; filter: string }[]> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const found: { width: number; height: number; space: string; filter: string }[] = [];
  for (const [, object] of pdf.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFRawStream)) continue;
    if (object.dict.get(PDFName.of('Subtype')) !== PDFName.of('Image')) continue;
    const size = (key: string): number => Number(String(object.dict.get(PDFName.of(key))));
    found.push({
      width: size('Width'),
      height: size('Height'),
      space: String(pdf.context.lookup(object.dict.get(PDFName.of('ColorSpace')))),
      filter: String(object.dict.get(PDFName.of('Filter'))),
    });
  }
  return found;
}

/** The bytes of every data:image/png URL in an exported HTML file. */
export const dataImages = (html: string): Buffer[] =>
  [...html.matchAll(/src="data:image\/png;base64,([A-Za-z0-9+/=]+)"/g)].map((m) =>
    Buffer.from(m[1] ?? '', 'base64'),
  );
