import type { DraftStatus } from './DraftStatus.ts';

/** A draft as listed in the cell index, after validation. */
export interface DraftEntry {
  readonly id: string;
  readonly title: string;
  readonly status: DraftStatus;
  readonly createdAt: number;
  readonly updatedAt: number;
  /** signPk hex of the last editor ('' if unknown); verified when read with ClientAuthors. */
  readonly updatedBy: string;
  readonly words: number;
}

/** Validated entries plus how many were dropped as malformed. */
export interface Listing<T> {
  readonly entries: readonly T[];
  readonly dropped: number;
}
