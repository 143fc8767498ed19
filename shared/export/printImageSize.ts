import type { IssueLayout } from './IssueLayout.ts';
import { imageMaxHeightMm } from './imageMaxHeightMm.ts';
import { issuePageSpec } from './issuePageSpec.ts';

/**
 * Pixels per inch an exported picture keeps at the largest size it prints at. Office laser
 * printers halftone photos at about 100–150 lines per inch, for which 200 pixels per inch is
 * already more than they print; fine line art may look a little softer than at 300.
 */
export const PRINT_PPI = 200;

/** The gap between the two columns of the A4 newspaper (issueCss). */
export const COLUMN_GAP_MM = 7;

/** The widest a picture prints in `layout`, in millimetres: its column, or its height limit. */
export function printWidthMm(layout: IssueLayout, width: number, height: number): number {
  const spec = issuePageSpec(layout);
  const content = spec.widthMm - 2 * spec.marginMm;
  const column = (content - (spec.columns - 1) * COLUMN_GAP_MM) / spec.columns;
  const maxHeight = imageMaxHeightMm(spec.heightMm - 2 * spec.marginMm);
  return Math.min(column, (maxHeight * width) / height);
}

/**
 * The pixel size an exported picture is redrawn at: its own, or less when that is more than
 * PRINT_PPI at the widest it prints in `layout` (never enlarged; the aspect ratio kept to the
 * pixel). Pure numbers, so the same issue gives the same pixels and the same PDF bytes.
 */
export function printImageSize(
  layout: IssueLayout,
  width: number,
  height: number,
): { readonly width: number; readonly height: number } {
  const most = Math.ceil((printWidthMm(layout, width, height) / 25.4) * PRINT_PPI);
  if (width <= most) return { width, height };
  return { width: most, height: Math.max(1, Math.round((height * most) / width)) };
}
