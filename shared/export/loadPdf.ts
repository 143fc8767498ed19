import { PDFDocument } from 'pdf-lib';
import { err, ok, type Result } from '../util/result.ts';
import { PDF_MAX_BYTES, type PdfError } from './PdfError.ts';

/**
 * Parses a PDF without touching its metadata (pdf-lib would otherwise stamp its own Producer and
 * the current time) and without guessing past broken objects. Never throws.
 */
export async function loadPdf(bytes: Uint8Array): Promise<Result<PDFDocument, PdfError>> {
  if (!(bytes instanceof Uint8Array)) return err('invalid-pdf');
  if (bytes.length > PDF_MAX_BYTES) return err('too-large');
  try {
    // Loaded to be asked, not to be used: pdf-lib cannot decrypt, and its own error class does
    // not survive its ES5 build for an instanceof check.
    const pdf = await PDFDocument.load(bytes, {
      updateMetadata: false,
      throwOnInvalidObject: true,
      ignoreEncryption: true,
    });
    if (pdf.isEncrypted) return err('encrypted');
    if (pdf.getPageCount() === 0) return err('invalid-pdf', 'no pages');
    return ok(pdf);
  } catch (error) {
    return err('invalid-pdf', error instanceof Error ? error.message.slice(0, 200) : undefined);
  }
}
