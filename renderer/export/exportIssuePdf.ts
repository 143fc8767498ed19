import { blackOnlyPdf } from '../../shared/export/blackOnlyPdf.ts';
import { imposeBooklet } from '../../shared/export/imposeBooklet.ts';
import { issuePageSpec } from '../../shared/export/issuePageSpec.ts';
import type { NewsletterIssue } from '../../shared/export/NewsletterIssue.ts';
import { scrubPdf } from '../../shared/export/scrubPdf.ts';
import { MAX_PDF_HTML_CHARS } from '../../shared/platform/ipcContract.ts';
import type { Platform } from '../../shared/platform/Platform.ts';
import { err, ok, type Result } from '../../shared/util/result.ts';

export type PdfExportError =
  | 'unsupported'
  | 'too-large'
  | 'print-failed'
  | 'impose-failed'
  | 'black-only-failed'
  | 'scrub-failed';

/**
 * The PDF of an issue through the host's renderer (Electron's printToPDF in a script-less,
 * offline window): the A5 pages imposed two to a side for a booklet, every colour turned gray
 * when `blackOnly`, then every identifying trace (Info, XMP, document IDs, dates but the chosen
 * one) scrubbed. The same issue gives the same bytes each time. 'unsupported' in a browser;
 * 'too-large' when the HTML (its images inlined as PNG) is over what the print channel takes.
 */
export async function exportIssuePdf(
  platform: Platform,
  issue: NewsletterIssue,
  html: string,
  options: { readonly blackOnly: boolean },
): Promise<Result<Uint8Array, PdfExportError>> {
  // Photos are inlined as PNG: past the print channel's bound, say so rather than 'print-failed'.
  if (html.length > MAX_PDF_HTML_CHARS) return err('too-large');
  const spec = issuePageSpec(issue.layout);
  const printed = await platform.printToPdf(html, {
    pageSize: spec.pageSize,
    landscape: false,
    printBackground: true,
    marginMm: spec.marginMm,
  });
  if (!printed.ok) return err(printed.error === 'unsupported' ? 'unsupported' : 'print-failed');
  let pdf = printed.value;
  if (issue.layout === 'a5-booklet') {
    const imposed = await imposeBooklet(pdf);
    if (!imposed.ok) return err('impose-failed', imposed.error);
    pdf = imposed.value;
  }
  if (options.blackOnly) {
    const gray = await blackOnlyPdf(pdf);
    if (!gray.ok) return err('black-only-failed', gray.error);
    pdf = gray.value;
  }
  const scrubbed = await scrubPdf(pdf, issue.masthead.date);
  if (!scrubbed.ok) return err('scrub-failed', scrubbed.error);
  return ok(scrubbed.value);
}
