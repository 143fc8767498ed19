import type { Table } from '../../shared/storage/Storage.ts';

/** A point in `wipe()` reported to the caller: the vault row is durably gone, the rest is next. */
export type WipeStep = 'vault-erased';

/**
 * The file operations a fault can be injected into (tests): appending a record, rewriting a
 * header slot, fsyncing, rewriting the log (compaction), copying damaged bytes aside.
 */
export type FaultStep = 'append' | 'header' | 'sync' | 'compact' | 'keep-aside';

export interface FileStorageOptions {
  /** No compaction below this log size (default 1 MiB): tiny logs are not worth rewriting. */
  readonly compactMinBytes?: number;
  /** Awaited between the vault erase and the file deletion. Errors are ignored. */
  readonly onWipeStep?: (step: WipeStep) => void | Promise<void>;
  /**
   * TESTS ONLY: called before each file operation of that kind; whatever it throws is handled
   * exactly as if that operation had failed (an Error with `code: 'ENOSPC'` is a full disk).
   */
  readonly faults?: (step: FaultStep) => void;
}

export interface FileStorageStats {
  readonly logBytes: number;
  readonly liveBytes: number;
  readonly rows: number;
  readonly compactions: number;
  readonly compactionFailures: number;
  /** Found on open: an interrupted append at the end of the log, cut (`cutBytes`). */
  readonly tornTails: number;
  readonly cutBytes: number;
  /** Found on open: runs of damaged bytes, copied aside (`keptAsideBytes`) or left in place. */
  readonly damagedRanges: number;
  readonly keptAsideBytes: number;
  /** Found on open: the log was shorter than what it had acknowledged. */
  readonly truncations: number;
  /** Writes refused by the file system (out of space, I/O errors) since open. */
  readonly failedWrites: number;
  /** Quarantine reasons, in memory only (never written next to the row). */
  readonly notes: readonly {
    readonly table: Table;
    readonly id: string;
    readonly reason: string;
  }[];
}
