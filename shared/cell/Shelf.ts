/** Where an entry (draft, task, version) is: in use, archived, or in the trash. */
export const SHELF_STATES = ['active', 'archived', 'trashed'] as const;
export type ShelfState = (typeof SHELF_STATES)[number];

export const isShelfState = (value: unknown): value is ShelfState =>
  typeof value === 'string' && (SHELF_STATES as readonly string[]).includes(value);

/** The trash empties itself: an entry trashed this long ago is gone from every list. */
export const TRASH_KEEP_MS = 30 * 24 * 60 * 60 * 1000;

/** An entry's place as this device judges it (readShelf). */
export interface Shelf {
  /** 'emptied': trashed more than TRASH_KEEP_MS ago; shown nowhere and not restorable here. */
  readonly state: ShelfState | 'emptied';
  /** When it was archived or trashed (the writer's clock); 0 for active. */
  readonly at: number;
  /**
   * Someone not allowed (neither its creator nor a coordinator) wrote or deleted the entry's
   * place, or wrote junk there: ignored, so the entry counts as in use.
   */
  readonly tampered: boolean;
  /** signPk hex of whoever created the entry (verified), '' if unknown. */
  readonly creator: string;
}
