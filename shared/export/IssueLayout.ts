/**
 * How an issue is set on paper: an A4 two-column newspaper, an A5 booklet (pages imposed two to a
 * side of an A4 sheet for folding), or one plain A4 column.
 */
export type IssueLayout = 'a4-two-column' | 'a5-booklet' | 'single-column';

export const ISSUE_LAYOUTS: readonly IssueLayout[] = [
  'a4-two-column',
  'a5-booklet',
  'single-column',
];

export const isIssueLayout = (value: unknown): value is IssueLayout =>
  typeof value === 'string' && (ISSUE_LAYOUTS as readonly string[]).includes(value);
