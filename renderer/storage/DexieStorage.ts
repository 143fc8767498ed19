import Dexie from 'dexie';
import {
  TABLES,
  type Row,
  type Storage,
  type Table,
  type WriteOp,
} from '../../shared/storage/Storage.ts';
import { StorageError } from '../../shared/storage/StorageError.ts';
import type { StorageReport } from '../../shared/storage/StorageReport.ts';
import { StorageReportLog } from '../../shared/storage/StorageReportLog.ts';
import { isRowId, isTable, validateWriteOps } from '../../shared/storage/validateWriteOps.ts';

/** A point in `wipe()` reported to the caller: the vault row is durably gone, the rest is next. */
export type WipeStep = 'vault-erased';

export interface DexieStorageOptions {
  /** IndexedDB database name; default 'quire'. */
  readonly name?: string;
  /** Injected only by Node unit tests (fake-indexeddb); browsers use their own. */
  readonly indexedDB?: IDBFactory;
  readonly IDBKeyRange?: typeof IDBKeyRange;
  /** Awaited between the vault erase and the database delete (panic-wipe progress). Errors are ignored. */
  readonly onWipeStep?: (step: WipeStep) => void | Promise<void>;
}

/** Why a row was quarantined: kept in memory only, never written next to the row. */
export interface QuarantineNote {
  readonly table: Table;
  readonly id: string;
  readonly reason: string;
  readonly at: number;
}

export interface DexieStorageStats {
  /** Rows found malformed on read (bytes not a Uint8Array) since open. */
  readonly malformedOnRead: number;
  /** The latest quarantine notes, newest last (at most MAX_NOTES). */
  readonly notes: readonly QuarantineNote[];
}

interface StoredRow {
  id: string;
  bytes: Uint8Array;
}

const MAX_NOTES = 100;

/**
 * Storage over IndexedDB through Dexie 4: one object store per Table, primary key `id`, value
 * `bytes`, no other index and no metadata of our own. Every batch is one readwrite transaction
 * with strict durability (Chromium otherwise may acknowledge before the data reaches disk).
 */
export class DexieStorage implements Storage {
  readonly #db: Dexie;
  readonly #onWipeStep: DexieStorageOptions['onWipeStep'];
  readonly #notes: QuarantineNote[] = [];
  readonly #reports = new StorageReportLog();
  #malformed = 0;
  #state: 'open' | 'wiping' | 'closed' = 'open';

  constructor(db: Dexie, onWipeStep: DexieStorageOptions['onWipeStep']) {
    this.#db = db;
    this.#onWipeStep = onWipeStep;
  }

  reports(): readonly StorageReport[] {
    return this.#reports.list();
  }

  onReport(listener: (report: StorageReport) => void): () => void {
    return this.#reports.on(listener);
  }

  stats(): DexieStorageStats {
    return { malformedOnRead: this.#malformed, notes: [...this.#notes] };
  }

  async get(table: Table, id: string): Promise<Uint8Array | undefined> {
    this.#check(table);
    if (!isRowId(id)) return undefined;
    const row: unknown = await this.#run(() => this.#db.table(table).get(id));
    if (row === undefined) return undefined;
    if (isStoredRow(row)) return row.bytes;
    await this.#moveMalformed(table, [id]);
    return undefined;
  }

  async list(table: Table, prefix?: string): Promise<Row[]> {
    this.#check(table, prefix);
    const rows: unknown[] = await this.#run(() => this.#collection(table, prefix).toArray());
    const good: Row[] = [];
    const bad: string[] = [];
    for (const row of rows) {
      if (isStoredRow(row)) good.push({ id: row.id, bytes: row.bytes });
      else if (hasStringId(row)) bad.push(row.id);
      else this.#malformed++; // not addressable through the port: skipped, counted, left for wipe
    }
    if (bad.length > 0) await this.#moveMalformed(table, bad);
    return good;
  }

  /** Ids only; values are not read, so a malformed value is noticed by `get`/`list`, not here. */
  async keys(table: Table, prefix?: string): Promise<string[]> {
    this.#check(table, prefix);
    const keys: unknown[] = await this.#run(() => this.#collection(table, prefix).primaryKeys());
    return keys.filter((k): k is string => typeof k === 'string');
  }

  async write(ops: readonly WriteOp[]): Promise<void> {
    const batch = validateWriteOps(ops, { copy: true }); // before any await: the caller's buffers are copied now
    this.#checkWritable();
    if (batch.length === 0) return;
    const tables = [...new Set(batch.map((op) => op.table))];
    try {
      await this.#run(() =>
        this.#db.transaction('rw', tables, () =>
          Promise.all(batch.map((op) => this.#apply(op))).then(() => undefined),
        ),
      );
    } catch (e) {
      if (e instanceof StorageError && (e.code === 'full' || e.code === 'io')) {
        this.#reports.add({ kind: 'write-failed', code: e.code });
      }
      throw e;
    }
  }

  async quarantine(table: Table, id: string, reason: string): Promise<void> {
    this.#checkWritable(table);
    const target = `${table}/${id}`;
    if (table === 'quarantine' || !isRowId(id) || !isRowId(target)) {
      throw new StorageError('invalid-op', 'cannot quarantine this row');
    }
    const moved = await this.#run(() =>
      this.#db.transaction('rw', [table, 'quarantine'], async () => {
        const row: unknown = await this.#db.table(table).get(id);
        if (row === undefined) return false;
        await this.#db.table('quarantine').put({ id: target, bytes: salvageBytes(row) });
        await this.#db.table(table).delete(id);
        return true;
      }),
    );
    if (moved) this.#note(table, id, reason);
  }

  async wipe(): Promise<void> {
    this.#checkWritable();
    this.#state = 'wiping'; // from here on writes are refused, reads still served
    // The vault row (wrapped data key) goes first, in its own committed transaction: if the
    // page dies during the delete below, what remains cannot be opened by anyone.
    // If that fails the database is deleted anyway, below.
    const vaultErased = await this.#db
      .transaction('rw', 'vault', () => this.#db.table('vault').clear())
      .then(
        () => true,
        () => false,
      );
    try {
      if (vaultErased) await this.#onWipeStep?.('vault-erased');
    } catch {
      // A progress observer must never stop a panic wipe.
    }
    this.#state = 'closed';
    this.#notes.length = 0;
    this.#reports.clear();
    await this.#run(() => this.#db.delete({ disableAutoOpen: true }));
  }

  close(): Promise<void> {
    if (this.#state !== 'closed') this.#db.close({ disableAutoOpen: true });
    this.#state = 'closed';
    return Promise.resolve();
  }

  #apply(op: WriteOp): Promise<unknown> {
    const t = this.#db.table<StoredRow, string>(op.table);
    return op.op === 'put' ? t.put({ id: op.id, bytes: op.bytes }) : t.delete(op.id);
  }

  #collection(table: Table, prefix: string | undefined) {
    const t = this.#db.table<StoredRow, string>(table);
    return prefix === undefined ? t.toCollection() : t.where(':id').startsWith(prefix);
  }

  /** Moves rows whose bytes are not a Uint8Array into quarantine, re-checking inside the transaction. */
  async #moveMalformed(table: Table, ids: readonly string[]): Promise<void> {
    this.#malformed += ids.length;
    if (table === 'quarantine') return; // nowhere to move it: skipped on read, removed by wipe
    await this.#run(() =>
      this.#db.transaction('rw', [table, 'quarantine'], async () => {
        for (const id of ids) {
          const row: unknown = await this.#db.table(table).get(id);
          if (row === undefined || isStoredRow(row) || !isRowId(`${table}/${id}`)) continue;
          await this.#db
            .table('quarantine')
            .put({ id: `${table}/${id}`, bytes: salvageBytes(row) });
          await this.#db.table(table).delete(id);
        }
      }),
    );
    for (const id of ids) this.#note(table, id, 'malformed row');
  }

  /** Keeps the reason in memory and reports the move (table only) to the app. */
  #note(table: Table, id: string, reason: string): void {
    this.#notes.push({ table, id, reason, at: Date.now() });
    if (this.#notes.length > MAX_NOTES) this.#notes.shift();
    this.#reports.add({ kind: 'row-quarantined', table });
  }

  #check(table?: Table, prefix?: string): void {
    if (this.#state === 'closed') throw new StorageError('closed', 'storage is closed');
    if (table !== undefined && !isTable(table))
      throw new StorageError('invalid-op', 'unknown table');
    if (prefix !== undefined && typeof prefix !== 'string') {
      throw new StorageError('invalid-op', 'prefix must be a string');
    }
  }

  #checkWritable(table?: Table): void {
    if (this.#state !== 'open') throw new StorageError('closed', 'storage is closed');
    this.#check(table);
  }

  /**
   * Runs a Dexie call, turning its failures into StorageError: 'full' when the browser refused
   * for lack of space (QuotaExceededError), else 'io' (the cause is kept).
   */
  async #run<T>(fn: () => PromiseLike<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      if (e instanceof StorageError) throw e;
      if (isQuotaError(e))
        throw new StorageError('full', 'IndexedDB: quota exceeded', { cause: e });
      throw new StorageError('io', 'IndexedDB operation failed', { cause: e });
    }
  }
}

/** A quota refusal, as the DOMException itself or wrapped by Dexie (its `inner`). */
function isQuotaError(e: unknown): boolean {
  for (let cur: unknown = e, depth = 0; depth < 4 && typeof cur === 'object' && cur; depth++) {
    if ((cur as { name?: unknown }).name === 'QuotaExceededError') return true;
    cur = (cur as { inner?: unknown }).inner;
  }
  return false;
}

function isStoredRow(row: unknown): row is StoredRow {
  return hasStringId(row) && (row as { bytes?: unknown }).bytes instanceof Uint8Array;
}

function hasStringId(row: unknown): row is { id: string } {
  return (
    typeof row === 'object' && row !== null && typeof (row as { id?: unknown }).id === 'string'
  );
}

/** The original bytes of a row for the quarantine table; empty when the value holds no bytes at all. */
function salvageBytes(row: unknown): Uint8Array {
  const value =
    typeof row === 'object' && row !== null ? (row as { bytes?: unknown }).bytes : undefined;
  if (value instanceof Uint8Array) return value;
  if (value instanceof ArrayBuffer) return new Uint8Array(value.slice(0));
  if (ArrayBuffer.isView(value)) {
    return new Uint8Array(
      value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength),
    );
  }
  return new Uint8Array(0);
}

/** Opens (creating if needed) the database. Nothing is stored outside IndexedDB. */
export async function openDexieStorage(opts: DexieStorageOptions = {}): Promise<DexieStorage> {
  const db = new Dexie(opts.name ?? 'quire', {
    ...(opts.indexedDB ? { indexedDB: opts.indexedDB } : {}),
    ...(opts.IDBKeyRange ? { IDBKeyRange: opts.IDBKeyRange } : {}),
    chromeTransactionDurability: 'strict',
    cache: 'disabled',
    autoOpen: false,
  });
  db.version(1).stores(Object.fromEntries(TABLES.map((t) => [t, 'id'])));
  try {
    await db.open();
  } catch (e) {
    throw new StorageError('io', 'cannot open IndexedDB', { cause: e });
  }
  return new DexieStorage(db, opts.onWipeStep);
}
