/** Where a draft stands on its way to the issue. */
export const DRAFT_STATUSES = ['idea', 'writing', 'review', 'ready', 'published'] as const;
export type DraftStatus = (typeof DRAFT_STATUSES)[number];

export const isDraftStatus = (value: unknown): value is DraftStatus =>
  typeof value === 'string' && (DRAFT_STATUSES as readonly string[]).includes(value);
