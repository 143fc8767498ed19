import type { Table } from '../../shared/storage/Storage.ts';

/** A point in `wipe()` reported to the caller: the vault row is durably gone, the rest is next. */
export type WipeStep = 'vault-erased';

export interface FileStorageOptions {
  /** No compaction below this log size (default 1 MiB): tiny logs are not worth rewriting. */
  readonly compactMinBytes?: number;
  /** Awaited between the vault erase and the file deletion. Errors are ignored. */
  readonly onWipeStep?: (step: WipeStep) => void | Promise<void>;
}

export interface FileStorageStats {
  readonly logBytes: number;
  readonly liveBytes: number;
  readonly rows: number;
  readonly compactions: number;
  readonly compactionFailures: number;
  /** Found on open: an interrupted append at the end of the log, truncated. */
  readonly tornTails: number;
  /** Found on open: a bad record followed by more bytes; it and everything after were dropped. */
  readonly corruptRecords: number;
  readonly droppedBytes: number;
  /** Quarantine reasons, in memory only (never written next to the row). */
  readonly notes: readonly {
    readonly table: Table;
    readonly id: string;
    readonly reason: string;
  }[];
}
