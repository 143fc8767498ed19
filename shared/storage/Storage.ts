/**
 * The storage port. Adapters (Dexie in the renderer, files in Node) persist opaque byte rows;
 * they never see plaintext: callers seal every row that holds a secret or anything a person
 * typed before it reaches this port (see shared/vault). Row ids are random ids or hashes.
 */
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
  get(table: Table, id: string): Promise<Uint8Array | undefined>;
  /** Rows whose id starts with `prefix` (all rows when omitted), in id order. */
  list(table: Table, prefix?: string): Promise<Row[]>;
  /** Ids only: cheaper than `list` when the bytes are not needed. */
  keys(table: Table, prefix?: string): Promise<string[]>;
  /** Applies every op or none (atomic, durable once the promise resolves). */
  write(ops: readonly WriteOp[]): Promise<void>;
  /** Moves a row that failed to open into `quarantine` atomically, with a reason. */
  quarantine(table: Table, id: string, reason: string): Promise<void>;
  /** Destroys everything this adapter holds. The vault row goes first. */
  wipe(): Promise<void>;
  close(): Promise<void>;
}
