import type { IssueLayout } from './IssueLayout.ts';

export interface IssuePageSpec {
  readonly pageSize: 'A4' | 'A5';
  readonly landscape: false;
  /** The same margin on every side, also written into the HTML's @page rule. */
  readonly marginMm: number;
  readonly widthMm: number;
  readonly heightMm: number;
  readonly columns: 1 | 2;
}

const A4 = { widthMm: 210, heightMm: 297 } as const;
const A5 = { widthMm: 148, heightMm: 210 } as const;

const SPECS: Record<IssueLayout, IssuePageSpec> = {
  'a4-two-column': { pageSize: 'A4', landscape: false, marginMm: 15, ...A4, columns: 2 },
  // Set as A5 pages; imposeBooklet puts them two to a side of A4 landscape sheets afterwards.
  'a5-booklet': { pageSize: 'A5', landscape: false, marginMm: 12, ...A5, columns: 1 },
  'single-column': { pageSize: 'A4', landscape: false, marginMm: 20, ...A4, columns: 1 },
};

/** The page a layout is set on, portrait: paper size in millimetres, margin and columns. */
export const issuePageSpec = (layout: IssueLayout): IssuePageSpec => SPECS[layout];
