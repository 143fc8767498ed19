import type { Table } from './Storage.ts';

/**
 * Something a store found wrong at rest, or could not make durable. Adapters keep reports in
 * memory only (never on disk: a report could tell what the user did) and hand them to the app
 * and the CLI, which show them. Counts and codes only: no ids, no bytes.
 */
export type StorageReport =
  /**
   * Bytes in the middle of the store that no longer form a valid record. They were copied aside
   * byte for byte (`keptAs`: the file name, next to the store; undefined if even that failed)
   * and every valid record after them was still read.
   */
  | { readonly kind: 'damaged'; readonly bytes: number; readonly keptAs: string | undefined }
  /** An append interrupted by a crash: never acknowledged, cut off. */
  | { readonly kind: 'torn-tail'; readonly bytes: number }
  /**
   * The store is shorter than what it had acknowledged: its end was lost (`missingBytes`, when
   * known).
   */
  | { readonly kind: 'truncated'; readonly missingBytes: number | undefined }
  /** A row that could not be opened was moved to the quarantine table (SealedStore, or unreadable). */
  | { readonly kind: 'row-quarantined'; readonly table: Table }
  /** A write was refused by the backend and not applied: out of space ('full') or an I/O error. */
  | { readonly kind: 'write-failed'; readonly code: 'full' | 'io' };

/** The reports that mean data at rest was damaged or lost (not a refused write). */
export type StorageDamage = Exclude<StorageReport, { readonly kind: 'write-failed' }>;

export const isDamage = (r: StorageReport): r is StorageDamage => r.kind !== 'write-failed';
