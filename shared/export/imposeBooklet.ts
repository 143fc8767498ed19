import { PDFDocument, PageSizes } from 'pdf-lib';
import { err, ok, type Result } from '../util/result.ts';
import { bookletOrder } from './bookletOrder.ts';
import { collectPdfGarbage } from './collectPdfGarbage.ts';
import { loadPdf } from './loadPdf.ts';
import type { PdfError } from './PdfError.ts';

/**
 * A5 pages imposed for a saddle-stitched booklet: each A4 landscape sheet side carries two pages
 * in bookletOrder (blank slots stay empty), two PDF pages per sheet (front, then back). Print
 * both sides flipping on the short edge, stack, fold, staple. A page of another size is scaled
 * to fit its half and centred. The output carries no metadata of its own.
 */
export async function imposeBooklet(a5Pdf: Uint8Array): Promise<Result<Uint8Array, PdfError>> {
  const loaded = await loadPdf(a5Pdf);
  if (!loaded.ok) return loaded;
  try {
    const source = loaded.value;
    const out = await PDFDocument.create({ updateMetadata: false });
    const pages = await out.embedPages(source.getPages());
    const [height, width] = PageSizes.A4;
    const half = width / 2;
    const { sheets } = bookletOrder(pages.length);
    if (sheets.length === 0) return err('too-large', 'too many pages for one booklet');
    for (const sheet of sheets) {
      for (const side of [sheet.front, sheet.back]) {
        const page = out.addPage([width, height]);
        side.forEach((index, slot) => {
          const embedded = index === null ? undefined : pages[index];
          if (!embedded) return;
          const scale = Math.min(half / embedded.width, height / embedded.height);
          page.drawPage(embedded, {
            x: slot * half + (half - embedded.width * scale) / 2,
            y: (height - embedded.height * scale) / 2,
            xScale: scale,
            yScale: scale,
          });
        });
      }
    }
    // Embedding copies whole source pages (annotations, metadata and all) but uses only their
    // content and resources: the rest must not be written. (Embedding happens on flush.)
    await out.flush();
    collectPdfGarbage(out.context);
    return ok(await out.save({ useObjectStreams: false, updateFieldAppearances: false }));
  } catch (error) {
    return err('invalid-pdf', error instanceof Error ? error.message.slice(0, 200) : undefined);
  }
}
