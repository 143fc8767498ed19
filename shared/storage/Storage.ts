/**
 * The storage port. Adapters (Dexie in the renderer, files in Node) persist opaque byte rows;
 * they never see plaintext: callers seal every row that holds a secret or anything a person
 * typed before it reaches this port (see shared/vault). Row ids are random ids or hashes:
 * 1 to 1024 printable ASCII characters without spaces (`[\x21-\x7e]`); anything else is
 * refused, as a net against a human-chosen string ever becoming a key.
 *
 * Refusals and failures reject with a StorageError carrying a `code` shared by all adapters:
 * 'invalid-op' (bad table, id, op or value; nothing applied), 'too-large' (nothing applied),
 * 'closed' (closed or wiped), 'locked' (store open in another process), 'foreign-file', 'full'
 * (out of space: nothing applied), 'io'. A refused write and any damage found at rest (on open
 * or on read) are also reported (StorageReport.ts) so the app and the CLI can tell the user.
 * See docs/STORAGE.md for what each adapter leaves on disk.
 */
import type { StorageReport } from './StorageReport.ts';

export const TABLES = [
  'vault', // the vault header and wrapped vault data key (one row)
  'secrets', // sealed identities and epoch keys
  'cells', // sealed cell metadata
  'envelopes', // wire envelopes exactly as received (already ciphertext), id = `${scope}/${envId}`
  'snapshots', // sealed local snapshots for fast open
  'settings', // sealed settings
  'quarantine', // rows that failed to open, kept for diagnosis instead of being fatal
] as const;

export type Table = (typeof TABLES)[number];

export interface Row {
  readonly id: string;
  readonly bytes: Uint8Array;
}

export type WriteOp =
  | { readonly op: 'put'; readonly table: Table; readonly id: string; readonly bytes: Uint8Array }
  | { readonly op: 'delete'; readonly table: Table; readonly id: string };

export interface Storage {
  /** A fresh copy of the row's bytes, or undefined. */
  get(table: Table, id: string): Promise<Uint8Array | undefined>;
  /**
   * Rows whose id starts with `prefix` (all rows when omitted), in id order (UTF-16 code
   * units, as IndexedDB orders keys). A row the backend cannot read back as bytes is moved to
   * `quarantine` and left out instead of failing the listing.
   */
  list(table: Table, prefix?: string): Promise<Row[]>;
  /** Ids only: cheaper than `list` when the bytes are not needed. */
  keys(table: Table, prefix?: string): Promise<string[]>;
  /**
   * Applies every op, in order, or none (atomic, durable once the promise resolves). The values
   * are copied when the call is made: the caller may reuse its buffers at once. Calls apply in
   * call order even when not awaited.
   */
  write(ops: readonly WriteOp[]): Promise<void>;
  /**
   * Moves a row that failed to open into `quarantine` atomically, under the id
   * `${table}/${id}`, bytes unchanged. A missing row is a no-op. The reason is kept in the
   * adapter's memory for diagnostics only, never written (it could reveal usage).
   */
  quarantine(table: Table, id: string, reason: string): Promise<void>;
  /**
   * Destroys everything this adapter holds. The vault row goes first, durably, in its own
   * step; then the rest. Further calls reject with 'closed'.
   */
  wipe(): Promise<void>;
  /** Idempotent; further calls reject with 'closed'. */
  close(): Promise<void>;
  /**
   * Removes from the adapter's files what deleted and overwritten rows left there (the history
   * horizon calls it after forgetting): FileStorage rewrites its log and zeroes the old file;
   * the renderer's vault moves the database to a fresh storage bucket and deletes the old one.
   * Optional: an adapter without residue (memory) or without the means (no storage buckets)
   * leaves it out. Never rejects; what the file system keeps in its free blocks is beyond it.
   */
  purgeResidue?(): Promise<void>;
  /**
   * What this adapter found wrong since it was opened (damage at rest, rows quarantined, writes
   * refused), oldest first, at most the last 100. Kept in memory only.
   */
  reports(): readonly StorageReport[];
  /** Calls `listener` with every new report; returns the unsubscribe function. */
  onReport(listener: (report: StorageReport) => void): () => void;
}
