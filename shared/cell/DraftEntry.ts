import type { DraftStatus } from './DraftStatus.ts';

/** A draft as listed in the cell index, after validation. */
export interface DraftEntry {
  readonly id: string;
  /** The working title: shown in the app, printed only when `headline` is ''. */
  readonly title: string;
  /**
   * The printed headline ('' if none): what every export prints instead of the working title,
   * which may name places or sources (see printedHeadline).
   */
  readonly headline: string;
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
