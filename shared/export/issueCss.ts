import type { IssueLayout } from './IssueLayout.ts';
import { imageMaxHeightMm } from './imageMaxHeightMm.ts';
import { issuePageSpec } from './issuePageSpec.ts';
import { COLUMN_GAP_MM } from './printImageSize.ts';

/** The type and page rules of an exported issue: print first, readable on a screen too. */
export function issueCss(layout: IssueLayout): string {
  const spec = issuePageSpec(layout);
  const columns =
    spec.columns === 2
      ? `@media print { .issue-body { column-count: 2; column-gap: ${COLUMN_GAP_MM}mm; column-fill: balance; } }`
      : '';
  return `
@page { size: ${spec.pageSize} portrait; margin: ${spec.marginMm}mm; }
@page { @bottom-center { content: counter(page); font: 8pt 'Noto Serif', serif; } }
:root { color: #000; background: #fff; --issue-image-max-height: ${imageMaxHeightMm(spec.heightMm - 2 * spec.marginMm)}mm; }
body {
  margin: 0 auto; max-width: ${spec.widthMm - 2 * spec.marginMm}mm;
  font-family: 'Noto Serif', serif; font-size: ${layout === 'a5-booklet' ? '10pt' : '10.5pt'};
  line-height: 1.4; hyphens: manual; -webkit-hyphens: manual; text-align: justify;
  orphans: 2; widows: 2; font-kerning: normal;
}
@media screen { body { padding: 12mm; } }
@media print { body { max-width: none; } }
.issue-masthead { text-align: center; border-bottom: 1.5pt solid #000; margin-bottom: 6mm; padding-bottom: 2mm; }
.issue-masthead__title { font-size: ${layout === 'a5-booklet' ? '22pt' : '30pt'}; line-height: 1.1; margin: 0 0 1mm; hyphens: manual; }
.issue-masthead__meta { font-size: 9pt; margin: 0; letter-spacing: 0.04em; }
.issue-masthead__tagline { font-style: italic; margin: 1mm 0 0; }
.issue-draft { break-inside: auto; margin-bottom: 5mm; }
.issue-draft + .issue-draft { border-top: 0.5pt solid #000; padding-top: 3mm; }
h2, h3, h4, h5 { text-align: left; hyphens: manual; break-after: avoid; line-height: 1.2; margin: 3mm 0 1.5mm; }
h2.issue-draft-title { font-size: 15pt; margin-top: 0; }
h3 { font-size: 12.5pt; } h4 { font-size: 11pt; } h5 { font-size: 10.5pt; font-style: italic; }
p { margin: 0 0 2mm; }
ul, ol { margin: 0 0 2mm; padding-left: 6mm; }
li > p { margin-bottom: 0.5mm; }
blockquote { margin: 0 0 2mm 4mm; padding-left: 3mm; border-left: 1pt solid #000; font-style: italic; }
hr { border: 0; border-top: 0.5pt solid #000; margin: 3mm 15%; }
.issue-image { margin: 1mm 0 3mm; break-inside: avoid; text-align: center; }
.issue-image img { display: block; height: auto; margin: 0 auto; }
.issue-image figcaption { font-size: 0.9em; font-style: italic; text-align: center; margin-top: 1mm; hyphens: manual; }
.issue-image__missing { border: 0.5pt dashed #000; padding: 4mm; font-style: italic; text-align: center; }
${columns}
`.trim();
}
