/**
 * Where a draft stands on its way to the issue. 'checked' (fact-checked) sits between review and
 * ready; it came later, so a document written before it never holds it and reads as it always did.
 * An app older than 'checked' does not know it and leaves such a draft out of its list (PROTOCOL.md).
 */
export const DRAFT_STATUSES = [
  'idea',
  'writing',
  'review',
  'checked',
  'ready',
  'published',
] as const;
export type DraftStatus = (typeof DRAFT_STATUSES)[number];

export const isDraftStatus = (value: unknown): value is DraftStatus =>
  typeof value === 'string' && (DRAFT_STATUSES as readonly string[]).includes(value);
