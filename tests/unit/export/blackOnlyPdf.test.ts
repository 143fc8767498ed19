import { readFileSync } from 'node:fs';
import { decodePDFRawStream, PDFArray, PDFDocument, PDFName, PDFRawStream, rgb } from 'pdf-lib';
import { OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { blackOnlyPdf } from '../../../shared/export/blackOnlyPdf.ts';
import { grayContentStream } from '../../../shared/export/grayContentStream.ts';
import { scrubPdf } from '../../../shared/export/scrubPdf.ts';
import { openWithPdfJs, pageTexts } from './pdfFixture.ts';

/** Every fill and stroke colour pdf.js sees (a second parser), as it reports them (RGB). */
async function colours(bytes: Uint8Array): Promise<string[]> {
  const doc = await openWithPdfJs(bytes);
  const found = new Set<string>();
  for (let n = 1; n <= doc.numPages; n++) {
    const list = await (await doc.getPage(n)).getOperatorList();
    for (const [i, fn] of list.fnArray.entries()) {
      if (fn === OPS.setFillRGBColor || fn === OPS.setStrokeRGBColor) {
        found.add(JSON.stringify(list.argsArray[i]));
      }
    }
  }
  await doc.destroy();
  return [...found];
}

/** A colour as pdf.js reports it ("#rrggbb" or [r, g, b]) is neutral: r = g = b. */
const neutral = (colour: string): boolean => {
  const value = JSON.parse(colour) as unknown;
  const hex: unknown = Array.isArray(value) ? (value as unknown[])[0] : value;
  if (typeof hex === 'string' && /^#[0-9a-f]{6}$/i.test(hex)) {
    return hex.slice(1, 3) === hex.slice(3, 5) && hex.slice(3, 5) === hex.slice(5, 7);
  }
  return Array.isArray(value) && value[0] === value[1] && value[1] === value[2];
};

/** The decoded content streams of every page, to look for colour operators. */
async function contents(bytes: Uint8Array): Promise<string> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  let text = '';
  for (const page of pdf.getPages()) {
    const value = page.node.get(PDFName.of('Contents'));
    const refs = value instanceof PDFArray ? value.asArray() : [value];
    for (const ref of refs) {
      const stream = pdf.context.lookup(ref);
      if (stream instanceof PDFRawStream) {
        text += Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
      }
    }
  }
  return text;
}

async function colouredPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const page = pdf.addPage([300, 300]);
  page.drawText('Red headline', { x: 20, y: 250, size: 18, color: rgb(0.8, 0.1, 0.1) });
  page.drawRectangle({ x: 20, y: 100, width: 100, height: 50, color: rgb(0, 0, 1) });
  page.drawText('Black text', { x: 20, y: 60, size: 12 });
  return pdf.save({ useObjectStreams: false });
}

describe('gray content streams', () => {
  it('turns device colours into their gray and leaves strings and the rest alone', () => {
    expect(grayContentStream('1 0 0 rg 0 0 1 RG 0 0 0 1 k 0.5 0.5 0.5 rg')).toEqual({
      ok: true,
      value: '0.299 g 0.114 G 0 g 0.5 g',
    });
    const text =
      'BT /F1 12 Tf (1 0 0 rg \\) still text) Tj <0041> Tj [(a) -5 (b)] TJ ET % 1 0 0 rg';
    expect(grayContentStream(text)).toEqual({ ok: true, value: text });
  });

  it('refuses what it cannot turn gray rather than passing colour on', () => {
    expect(grayContentStream('/CS0 cs 1 0 0 scn')).toEqual({
      ok: false,
      error: 'unsupported-colour',
    });
    expect(grayContentStream('/Sh0 sh')).toEqual({ ok: false, error: 'unsupported-colour' });
    expect(grayContentStream('BI /W 1 /H 1 ID \u00ff EI')).toEqual({
      ok: false,
      error: 'inline-image',
    });
    expect(grayContentStream('1 0 rg')).toEqual({ ok: false, error: 'malformed' });
    expect(grayContentStream('(unclosed')).toEqual({ ok: false, error: 'malformed' });
  });
});

describe('black-only PDF', () => {
  it('leaves no colour in a coloured PDF, and keeps its text', async () => {
    const coloured = await colouredPdf();
    expect((await colours(coloured)).every(neutral)).toBe(false);
    const gray = await blackOnlyPdf(coloured);
    if (!gray.ok) throw new Error(gray.error);
    expect(await colours(gray.value)).not.toHaveLength(0);
    expect((await colours(gray.value)).filter((colour) => !neutral(colour))).toEqual([]);
    expect(await contents(gray.value)).not.toMatch(/\s(rg|RG|k|K|scn?|SCN?)\s/);
    expect((await pageTexts(gray.value)).texts.join(' ')).toMatch(/Red headline.*Black text/);
  });

  it('turns Chromium’s RGB black into DeviceGray, same bytes every time after scrubbing', async () => {
    const printed = Uint8Array.from(
      readFileSync(new URL('./fixtures/chromium-a5.pdf', import.meta.url)),
    );
    expect(await contents(printed)).toMatch(/ rg\s/);
    const outputs: Uint8Array[] = [];
    for (let i = 0; i < 2; i++) {
      const gray = await blackOnlyPdf(printed);
      if (!gray.ok) throw new Error(gray.error);
      const scrubbed = await scrubPdf(gray.value, '2026-11-07');
      if (!scrubbed.ok) throw new Error(scrubbed.error);
      outputs.push(scrubbed.value);
    }
    const [first, second] = outputs;
    if (!first || !second) throw new Error('no output');
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
    const text = await contents(first);
    expect(text).not.toMatch(/\s(rg|RG)\s/);
    expect(text).toMatch(/\s0 g\s/);
    const before = (await pageTexts(printed)).texts;
    expect((await pageTexts(first)).texts).toEqual(before);
  });

  /** A one-page PDF drawing one image XObject with these bytes and dictionary entries. */
  const withImage = async (
    bytes: Uint8Array,
    entries: Record<string, unknown>,
    flate: boolean,
  ): Promise<Uint8Array> => {
    const pdf = await PDFDocument.create({ updateMetadata: false });
    const page = pdf.addPage([100, 100]);
    const dict = { Type: 'XObject', Subtype: 'Image', BitsPerComponent: 8, ...entries };
    const image = pdf.context.register(
      flate ? pdf.context.flateStream(bytes, dict) : pdf.context.stream(bytes, dict),
    );
    const name = page.node.newXObject('Im', image);
    const content = pdf.context.register(
      pdf.context.stream(`q 50 0 0 50 0 0 cm ${name.toString()} Do Q`),
    );
    page.node.set(PDFName.of('Contents'), content);
    return pdf.save({ useObjectStreams: false });
  };

  /** Every image XObject of a PDF: its colour space and decoded pixels. */
  const imagesOf = async (bytes: Uint8Array): Promise<{ space: string; pixels: number[] }[]> => {
    const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
    return pdf.context
      .enumerateIndirectObjects()
      .map(([, object]) => object)
      .filter(
        (object): object is PDFRawStream =>
          object instanceof PDFRawStream &&
          object.dict.get(PDFName.of('Subtype')) === PDFName.of('Image'),
      )
      .map((stream) => ({
        space: String(stream.dict.get(PDFName.of('ColorSpace'))),
        pixels: [...decodePDFRawStream(stream).decode()],
      }));
  };

  it('redraws an RGB picture (as Chromium prints a photo) in DeviceGray, never in colour', async () => {
    // Red, green, blue and white pixels, Flate as Chromium writes them, and unfiltered.
    const rgb = new Uint8Array([255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255]);
    for (const flate of [true, false]) {
      const bytes = await withImage(rgb, { Width: 2, Height: 2, ColorSpace: 'DeviceRGB' }, flate);
      const gray = await blackOnlyPdf(bytes);
      if (!gray.ok) throw new Error(gray.error);
      expect(await imagesOf(gray.value)).toEqual([
        { space: '/DeviceGray', pixels: [76, 150, 29, 255] },
      ]);
      const again = await blackOnlyPdf(bytes);
      expect(again.ok && Buffer.from(again.value).equals(Buffer.from(gray.value))).toBe(true);
    }
  });

  it('refuses an image it cannot redraw (a JPEG passed through, an odd depth), never prints it in colour', async () => {
    const jpeg = await withImage(
      new Uint8Array([0xff, 0xd8, 0xff, 0xd9]),
      { Width: 1, Height: 1, ColorSpace: 'DeviceRGB', Filter: 'DCTDecode' },
      false,
    );
    expect(await blackOnlyPdf(jpeg)).toMatchObject({ ok: false, error: 'colour-image' });
    const sixteen = await withImage(
      new Uint8Array(6),
      { Width: 1, Height: 1, ColorSpace: 'DeviceRGB', BitsPerComponent: 16 },
      false,
    );
    expect(await blackOnlyPdf(sixteen)).toMatchObject({ ok: false, error: 'colour-image' });
    const short = await withImage(
      new Uint8Array([1, 2]),
      { Width: 1, Height: 1, ColorSpace: 'DeviceRGB' },
      true,
    );
    expect(await blackOnlyPdf(short)).toMatchObject({ ok: false, error: 'colour-image' });
  });

  it('turns a Type 3 font’s glyphs gray and refuses a colour JPEG inside one', async () => {
    const build = async (withImage: boolean): Promise<Uint8Array> => {
      const pdf = await PDFDocument.create({ updateMetadata: false });
      const page = pdf.addPage([100, 100]);
      const glyph = pdf.context.register(pdf.context.stream('10 0 d0 1 0 0 rg 0 0 10 10 re f'));
      const image = pdf.context.register(
        pdf.context.stream(new Uint8Array([0xff, 0xd8, 0xff, 0xd9]), {
          Type: 'XObject',
          Subtype: 'Image',
          Width: 1,
          Height: 1,
          ColorSpace: 'DeviceRGB',
          BitsPerComponent: 8,
          Filter: 'DCTDecode',
        }),
      );
      const font = pdf.context.register(
        pdf.context.obj({
          Type: 'Font',
          Subtype: 'Type3',
          FontBBox: [0, 0, 10, 10],
          FontMatrix: [0.1, 0, 0, 0.1, 0, 0],
          CharProcs: { a: glyph },
          Encoding: { Type: 'Encoding', Differences: [97, 'a'] },
          FirstChar: 97,
          LastChar: 97,
          Widths: [10],
          ...(withImage ? { Resources: { XObject: { Im0: image } } } : {}),
        }),
      );
      const key = page.node.newFontDictionary('T3', font);
      const content = `BT ${key.toString()} 12 Tf 10 10 Td (a) Tj ET`;
      page.node.set(PDFName.of('Contents'), pdf.context.register(pdf.context.stream(content)));
      return pdf.save({ useObjectStreams: false });
    };
    const gray = await blackOnlyPdf(await build(false));
    if (!gray.ok) throw new Error(gray.error);
    const latin1 = Buffer.from(gray.value).toString('latin1');
    expect(latin1).not.toContain('1 0 0 rg');
    const reloaded = await PDFDocument.load(gray.value, { updateMetadata: false });
    const streams = reloaded.context
      .enumerateIndirectObjects()
      .map(([, object]) => object)
      .filter(
        (object): object is PDFRawStream =>
          object instanceof PDFRawStream &&
          object.dict.get(PDFName.of('Subtype')) !== PDFName.of('Image'),
      )
      .map((stream) => Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1'));
    expect(streams).toContain('10 0 d0 0.299 g 0 0 10 10 re f');
    expect(await blackOnlyPdf(await build(true))).toMatchObject({
      ok: false,
      error: 'colour-image',
    });
  });
});
