import type { Row, Storage, Table, WriteOp } from '../../shared/storage/Storage.ts';
import type { StorageReport } from '../../shared/storage/StorageReport.ts';
import { StorageReportLog } from '../../shared/storage/StorageReportLog.ts';
import { validateWriteOps } from '../../shared/storage/validateWriteOps.ts';

/** Where the vault lives now: its bucket and the storage open on it. */
export interface Placement {
  readonly bucket: string;
  readonly storage: Storage;
}

/** Copies the vault out of `from` into a fresh bucket and deletes `from`; undefined: not moved. */
export type MoveVault = (from: Placement, signal: AbortSignal) => Promise<Placement | undefined>;

/**
 * Rows written (puts and deletes, in any table, chaff included) after which the vault moves to a
 * fresh bucket on its own: the same rule for every vault, so whether moves happen does not tell
 * which vault is used. Counted in memory since the page opened the vault.
 */
export const MOVE_AFTER_OPS = 20_000;

/**
 * The vault's storage as the app holds it, while the database underneath can move to a fresh
 * storage bucket (purgeResidue): LevelDB keeps deleted and overwritten values in its files until
 * it compacts, and deleting a bucket deletes its files. During a move every call waits (after
 * the calls already running finish) and then goes to the new database, in call order; writes
 * copy their values when called, as the port requires.
 */
export class MovableStorage implements Storage {
  #at: Placement;
  #gate: Promise<void> | undefined;
  #queued: Promise<void> | undefined;
  #running = 0;
  #drained: (() => void) | undefined;
  #ops = 0;
  #abort: AbortController | undefined;
  #closed = false;
  #offReports: () => void;
  readonly #reports = new StorageReportLog();

  constructor(
    at: Placement,
    private readonly moveVault: MoveVault,
    private readonly moveAfterOps: number = MOVE_AFTER_OPS,
  ) {
    this.#at = at;
    for (const r of at.storage.reports()) this.#reports.add(r);
    this.#offReports = at.storage.onReport((r) => this.#reports.add(r));
  }

  /** The bucket that holds the vault now. */
  get bucket(): string {
    return this.#at.bucket;
  }

  get(table: Table, id: string): Promise<Uint8Array | undefined> {
    return this.#enter((s) => s.get(table, id));
  }

  list(table: Table, prefix?: string): Promise<Row[]> {
    return this.#enter((s) => s.list(table, prefix));
  }

  keys(table: Table, prefix?: string): Promise<string[]> {
    return this.#enter((s) => s.keys(table, prefix));
  }

  async write(ops: readonly WriteOp[]): Promise<void> {
    const batch = validateWriteOps(ops, { copy: true }); // the caller may reuse its buffers now
    const done = this.#enter((s) => s.write(batch));
    this.#ops += batch.length;
    if (this.#ops >= this.moveAfterOps) void this.purgeResidue();
    return done;
  }

  quarantine(table: Table, id: string, reason: string): Promise<void> {
    return this.#enter((s) => s.quarantine(table, id, reason));
  }

  /** A panic wipe stops a running move at its next batch (the copy is deleted), then wipes. */
  wipe(): Promise<void> {
    this.#closed = true;
    this.#abort?.abort();
    return this.#enter((s) => s.wipe());
  }

  async close(): Promise<void> {
    this.#closed = true;
    await this.#enter((s) => s.close());
    this.#offReports();
  }

  reports(): readonly StorageReport[] {
    return this.#reports.list();
  }

  onReport(listener: (report: StorageReport) => void): () => void {
    return this.#reports.on(listener);
  }

  /**
   * Moves the vault to a fresh bucket once the calls running now are done; requests made while
   * one waits to start share it. Never rejects: a failed move leaves the vault where it was.
   */
  purgeResidue(): Promise<void> {
    // Started at once when none runs (#move closes the gate before its first await), so every
    // call made after this one waits for the move.
    if (this.#gate === undefined) return this.#move();
    this.#queued ??= this.#gate.then(() => {
      this.#queued = undefined;
      return this.#move();
    });
    return this.#queued;
  }

  async #move(): Promise<void> {
    let open!: () => void;
    this.#gate = new Promise<void>((resolve) => (open = resolve));
    this.#ops = 0; // now: writes made while this one waits to start count towards the next
    try {
      if (this.#running > 0) await new Promise<void>((resolve) => (this.#drained = resolve));
      if (this.#closed) return;
      this.#abort = new AbortController();
      const next = await this.moveVault(this.#at, this.#abort.signal).catch(() => undefined);
      this.#abort = undefined;
      if (next !== undefined) {
        this.#offReports();
        this.#at = next;
        this.#offReports = next.storage.onReport((r) => this.#reports.add(r));
      }
    } finally {
      this.#gate = undefined;
      open();
    }
  }

  async #enter<T>(fn: (s: Storage) => Promise<T>): Promise<T> {
    while (this.#gate !== undefined) await this.#gate;
    this.#running++;
    try {
      return await fn(this.#at.storage);
    } finally {
      if (--this.#running === 0) {
        this.#drained?.();
        this.#drained = undefined;
      }
    }
  }
}
