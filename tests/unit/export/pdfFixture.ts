import { PDFDocument, PDFHexString, PDFName, PDFString, StandardFonts, PageSizes } from 'pdf-lib';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** pdf.js reads the 14 standard fonts' metrics from its package (a path in Node). */
const standardFontDataUrl = `${join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;

/** Opens a PDF with pdf.js (a second, independent parser), scripts and system fonts off. */
export const openWithPdfJs = (bytes: Uint8Array): ReturnType<typeof getDocument>['promise'] =>
  getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    useSystemFonts: false,
    standardFontDataUrl,
  }).promise;

/** A PDF made to leak: every metadata place pdf-lib can reach names a person, a cell and an app. */
export async function leakyPdf(
  pageTexts: readonly string[],
  size = PageSizes.A5,
  options: { readonly objectStreams?: boolean } = {},
): Promise<Uint8Array> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const text of pageTexts) {
    const page = pdf.addPage(size);
    page.drawText(text, { x: 40, y: size[1] - 80, size: 14, font });
    const node = page.node;
    node.set(
      PDFName.of('PieceInfo'),
      pdf.context.obj({ Quire: { Private: PDFString.of('Printers cell') } }),
    );
    node.set(PDFName.of('LastModified'), PDFString.of('D:20250304050607Z'));
    const popup = pdf.context.register(
      pdf.context.obj({ Type: 'Annot', Subtype: 'Popup', Rect: [0, 0, 10, 10], Open: false }),
    );
    const comment = pdf.context.register(
      pdf.context.obj({
        Type: 'Annot',
        Subtype: 'Text',
        Rect: [0, 0, 10, 10],
        T: PDFHexString.fromText('Anna'),
        Contents: PDFString.of('note by Anna for the Printers cell'),
        M: PDFString.of('D:20250304050607Z'),
        Popup: popup,
      }),
    );
    node.set(PDFName.of('Annots'), pdf.context.obj([comment, popup]));
  }
  pdf.setTitle('Anna');
  pdf.setAuthor('Anna');
  pdf.setSubject('Printers cell');
  pdf.setKeywords(['Printers cell', 'Anna']);
  pdf.setCreator('Quire');
  pdf.setProducer('Skia/PDF m142 Chromium, pdf-lib');
  pdf.setCreationDate(new Date('2025-03-04T05:06:07Z'));
  pdf.setModificationDate(new Date('2025-03-04T05:06:07Z'));
  const xmp = pdf.context.stream(
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><dc:creator>Anna</dc:creator>' +
      '<xmp:CreatorTool>Quire</xmp:CreatorTool><pdf:Producer>Chromium</pdf:Producer>' +
      '<xmp:CreateDate>2025-03-04T05:06:07Z</xmp:CreateDate></x:xmpmeta>',
    { Type: 'Metadata', Subtype: 'XML' },
  );
  pdf.catalog.set(PDFName.of('Metadata'), pdf.context.register(xmp));
  pdf.getPages()[0]?.node.set(PDFName.of('Metadata'), pdf.context.register(xmp.clone()));
  // An object nothing refers to, as an earlier revision would leave behind.
  pdf.context.register(pdf.context.obj({ Orphan: PDFHexString.fromText('Anna, Printers cell') }));
  pdf.context.trailerInfo.ID = pdf.context.obj([
    PDFHexString.fromText('Anna'),
    PDFHexString.of('0123456789abcdef'),
  ]);
  return pdf.save({ useObjectStreams: options.objectStreams ?? false });
}

/** Every form a string can take in a PDF's bytes: Latin-1, UTF-16BE, and both as hex. */
export function bytesContain(bytes: Uint8Array, text: string): boolean {
  const latin1 = Buffer.from(bytes).toString('latin1');
  const wide = Buffer.from(text, 'utf16le').swap16();
  const forms = [
    text,
    wide.toString('latin1'),
    Buffer.from(text, 'latin1').toString('hex'),
    wide.toString('hex'),
  ];
  return forms.some(
    (form) => latin1.includes(form) || latin1.toLowerCase().includes(form.toLowerCase()),
  );
}

/** Text of each page, read by pdf.js (not pdf-lib): the words survived and are in order. */
export async function pageTexts(
  bytes: Uint8Array,
): Promise<{ texts: string[]; sizes: [number, number][]; info: Record<string, unknown> }> {
  const doc = await openWithPdfJs(bytes);
  const texts: string[] = [];
  const sizes: [number, number][] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    texts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
    const [x0, y0, x1, y1] = page.view;
    sizes.push([Math.round((x1 ?? 0) - (x0 ?? 0)), Math.round((y1 ?? 0) - (y0 ?? 0))]);
  }
  const { info, metadata } = await doc.getMetadata();
  await doc.destroy();
  return { texts, sizes, info: { ...(info as Record<string, unknown>), xmp: metadata !== null } };
}
