import { chmod, type FileHandle, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Row, Storage, Table, WriteOp } from '../../shared/storage/Storage.ts';
import type { StorageReport } from '../../shared/storage/StorageReport.ts';
import { StorageReportLog } from '../../shared/storage/StorageReportLog.ts';
import { acquireLock, type StoreLock } from './acquireLock.ts';
import { appendRecord, type LogTail, writeSlot } from './appendRecord.ts';
import { compactLog, COMPACT_NAME, LOG_NAME } from './compactLog.ts';
import { encodeBatch } from './encodeBatch.ts';
import type {
  FaultStep,
  FileStorageOptions,
  FileStorageStats,
  WipeStep,
} from './FileStorageOptions.ts';
import { DAMAGED_TMP, destroyKeptAside } from './keepAside.ts';
import { loadLog, type LoadedLog } from './loadLog.ts';
import type { LogIndex, ValueLocation } from './LogIndex.ts';
import { readAt, syncDir, writeAt } from './logIo.ts';
import { openLogFile } from './openLogFile.ts';
import { FIRST_RECORD } from './logFormat.ts';
import { scrubSupersededVaultCopies, scrubVaultCopies } from './scrubVaultCopies.ts';
import { StorageError } from '../../shared/storage/StorageError.ts';
import { isRowId, isTable, validateWriteOps } from '../../shared/storage/validateWriteOps.ts';

export type { FaultStep, FileStorageOptions, FileStorageStats, WipeStep };

type State = 'open' | 'wiping' | 'failed' | 'closed';
type Counters = {
  -readonly [
    K in Exclude<keyof FileStorageStats, 'logBytes' | 'liveBytes' | 'rows' | 'notes'>
  ]: number;
};
const MAX_NOTES = 100;

/**
 * Storage in one append-only log file (see logFormat.ts) with an in-memory index. Every call
 * runs in order on one queue; a batch is one record, fsynced (with a header slot saying where
 * the log now ends) before the promise resolves. What open found and every refused write are
 * reported (`reports()`).
 */
export class FileStorage implements Storage {
  readonly #dir: string;
  readonly #lock: StoreLock;
  readonly #opts: FileStorageOptions;
  #tail: LogTail;
  #index: LogIndex;
  #state: State = 'open';
  #queue: Promise<unknown> = Promise.resolve();
  readonly #counters: Counters;
  readonly #notes: { table: Table; id: string; reason: string }[] = [];
  readonly #reports = new StorageReportLog();

  constructor(init: { dir: string; lock: StoreLock; opts: FileStorageOptions; log: LoadedLog }) {
    const { log } = init;
    this.#dir = init.dir;
    this.#lock = init.lock;
    this.#opts = init.opts;
    this.#tail = { fh: log.fh, size: log.size, slotCounter: log.slotCounter };
    this.#index = log.index;
    this.#counters = { compactions: 0, compactionFailures: 0, failedWrites: 0, ...log.found };
    for (const report of log.reports) this.#reports.add(report);
  }

  reports(): readonly StorageReport[] {
    return this.#reports.list();
  }

  onReport(listener: (report: StorageReport) => void): () => void {
    return this.#reports.on(listener);
  }

  stats(): FileStorageStats {
    return {
      logBytes: this.#tail.size,
      liveBytes: this.#index.liveBytes,
      rows: this.#index.rows,
      ...this.#counters,
      notes: [...this.#notes],
    };
  }

  async get(table: Table, id: string): Promise<Uint8Array | undefined> {
    checkTable(table);
    if (!isRowId(id)) return undefined;
    return this.#run(async () => {
      this.#assertReadable();
      const loc = this.#index.get(table, id);
      return loc ? this.#read(loc) : undefined;
    });
  }

  async list(table: Table, prefix?: string): Promise<Row[]> {
    checkTable(table, prefix);
    return this.#run(async () => {
      this.#assertReadable();
      const rows: Row[] = [];
      for (const id of this.#index.ids(table, prefix)) {
        const loc = this.#index.get(table, id);
        if (loc) rows.push({ id, bytes: await this.#read(loc) });
      }
      return rows;
    });
  }

  async keys(table: Table, prefix?: string): Promise<string[]> {
    checkTable(table, prefix);
    return this.#run(() => {
      this.#assertReadable();
      return Promise.resolve(this.#index.ids(table, prefix));
    });
  }

  async write(ops: readonly WriteOp[]): Promise<void> {
    // Validated and encoded (values copied) before anything is queued or awaited.
    const valid = validateWriteOps(ops);
    const encoded = valid.length > 0 ? encodeBatch(valid) : undefined;
    return this.#run(async () => {
      this.#assertWritable();
      if (encoded) await this.#append(encoded);
      if (valid.some((o) => o.table === 'vault')) {
        // Best effort, like compaction's scrub: the new header is durable whatever happens here.
        await scrubSupersededVaultCopies(this.#tail.fh, this.#index.vaultCopies).catch(() => {});
      }
    });
  }

  async quarantine(table: Table, id: string, reason: string): Promise<void> {
    checkTable(table);
    const target = `${table}/${id}`;
    if (table === 'quarantine' || !isRowId(id) || !isRowId(target)) {
      throw new StorageError('invalid-op', 'cannot quarantine this row');
    }
    return this.#run(async () => {
      this.#assertWritable();
      const loc = this.#index.get(table, id);
      if (!loc) return;
      const bytes = await this.#read(loc);
      await this.#append(
        encodeBatch([
          { op: 'put', table: 'quarantine', id: target, bytes },
          { op: 'delete', table, id },
        ]),
      );
      this.#notes.push({ table, id, reason });
      if (this.#notes.length > MAX_NOTES) this.#notes.shift();
    });
  }

  /**
   * Deletes the vault rows (a durable write), zeroes every copy of them still in the log,
   * reports 'vault-erased', then deletes the log and the lock. Keeps going past I/O errors:
   * a panic wipe must remove the files even when the store is already failing.
   */
  async wipe(): Promise<void> {
    const vaultErased = await this.#run(async () => {
      if (this.#state === 'closed' || this.#state === 'wiping') throw closedError();
      const wasOpen = this.#state === 'open';
      this.#state = 'wiping'; // from here on writes are refused, reads still served
      try {
        const ids = this.#index.ids('vault');
        if (wasOpen && ids.length > 0) {
          await this.#append(encodeBatch(ids.map((id) => ({ op: 'delete', table: 'vault', id }))));
        }
        await scrubVaultCopies(this.#tail.fh, this.#index.vaultCopies);
        // Damaged bytes kept aside may hold an old copy of the vault row: gone before the step.
        await destroyKeptAside(this.#dir);
        return wasOpen;
      } catch {
        return false; // the files go below whatever happened here
      }
    });
    try {
      // Outside the queue: the observer may read through this adapter.
      if (vaultErased) await this.#opts.onWipeStep?.('vault-erased');
    } catch {
      // A progress observer must never stop a panic wipe.
    }
    await this.#run(async () => {
      this.#state = 'closed';
      this.#notes.length = 0;
      this.#reports.clear();
      await this.#tail.fh.close().catch(() => undefined);
      await destroyKeptAside(this.#dir);
      await rm(join(this.#dir, COMPACT_NAME), { force: true });
      await rm(join(this.#dir, LOG_NAME), { force: true });
      await this.#lock.release();
      await syncDir(this.#dir);
    });
  }

  async close(): Promise<void> {
    return this.#run(async () => {
      if (this.#state === 'closed') return;
      const wasOpen = this.#state === 'open';
      this.#state = 'closed';
      // A clean close: the header says the whole log is acknowledged, so losing even its last
      // record is noticed on the next open.
      const { size } = this.#tail;
      if (wasOpen) await writeSlot(this.#tail, size, size, true).catch(() => undefined);
      await this.#tail.fh.close();
      await this.#lock.release();
    });
  }

  /**
   * Storage.purgeResidue: rewrites the log with only the live rows (compactLog), then overwrites
   * the whole old file with zeros before closing it, so superseded records (a forgotten epoch's
   * envelopes, an older keyring) are neither in the store's files nor, where the file system
   * writes in place, in the blocks the old file leaves free. Copy-on-write file systems, SSD
   * wear levelling and journals may still keep old blocks: beyond an app.
   */
  async purgeResidue(): Promise<void> {
    await this.#run(async () => {
      if (this.#index.superseded > 0) await this.#compact(true);
    }).catch(() => undefined);
  }

  /** Appends one record durably (appendRecord); a refusal is counted, reported and thrown. */
  async #append(encoded: ReturnType<typeof encodeBatch>): Promise<void> {
    const start = this.#tail.size;
    const appended = await appendRecord(this.#tail, encoded.record, this.#opts.faults);
    if (!appended.ok) {
      if (appended.tailLost) this.#state = 'failed'; // the file's end is unknown: reopen first
      throw this.#refused(appended.error);
    }
    this.#index.apply(encoded.entries, start, encoded.record.length);
    const min = this.#opts.compactMinBytes ?? 1024 * 1024;
    const size = this.#tail.size;
    if (size > min && size > 2 * (FIRST_RECORD + this.#index.liveBytes)) {
      void this.#run(() => this.#compact()).catch(() => undefined);
    }
  }

  /** Counts and reports a refused write, and returns its error to throw. */
  #refused(error: StorageError): StorageError {
    this.#counters.failedWrites++;
    this.#reports.add({ kind: 'write-failed', code: error.code === 'full' ? 'full' : 'io' });
    return error;
  }

  async #compact(zeroOld = false): Promise<void> {
    if (this.#state !== 'open') return;
    let next;
    try {
      this.#opts.faults?.('compact');
      next = await compactLog(this.#dir, this.#tail.fh, this.#index);
    } catch {
      this.#counters.compactionFailures++; // the old log is intact and still in use
      return;
    }
    const old = this.#tail.fh;
    const oldSize = this.#tail.size;
    const oldVault = this.#index.vaultCopies;
    this.#tail = { fh: next.fh, size: next.size, slotCounter: 1 }; // its head holds slots 0 and 1
    this.#index = next.index;
    this.#counters.compactions++;
    try {
      await syncDir(this.#dir);
    } catch {
      // The rename may not be durable: later appends could land in a file that power loss un-renames.
      this.#state = 'failed';
    }
    // The old file is unlinked but its blocks may survive: zero the vault copies in it too
    // (all of it when purging).
    const scrub = zeroOld ? zeroFile(old, oldSize) : scrubVaultCopies(old, oldVault);
    await scrub.catch(() => undefined);
    await old.close().catch(() => undefined);
  }

  async #read(loc: ValueLocation): Promise<Uint8Array> {
    try {
      return await readAt(this.#tail.fh, loc.offset, loc.length);
    } catch (e) {
      throw new StorageError('io', 'read failed', { cause: e });
    }
  }

  #assertReadable(): void {
    if (this.#state === 'closed') throw closedError();
  }

  #assertWritable(): void {
    if (this.#state === 'failed') {
      throw this.#refused(
        new StorageError('io', 'the store could not be written: it failed; reopen it'),
      );
    }
    if (this.#state !== 'open') throw closedError();
  }

  #run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.#queue.then(task);
    this.#queue = result.catch(() => undefined);
    return result;
  }
}

/** Overwrites the first `size` bytes of a file with zeros, in 1 MiB steps, and syncs it. */
async function zeroFile(fh: FileHandle, size: number): Promise<void> {
  const zeros = new Uint8Array(Math.min(size, 1024 * 1024));
  for (let at = 0; at < size; at += zeros.length)
    await writeAt(fh, zeros.subarray(0, Math.min(zeros.length, size - at)), at);
  await fh.datasync();
}

const closedError = (): StorageError => new StorageError('closed', 'storage is closed');

function checkTable(table: unknown, prefix?: unknown): void {
  if (!isTable(table)) throw new StorageError('invalid-op', 'unknown table');
  if (prefix !== undefined && typeof prefix !== 'string') {
    throw new StorageError('invalid-op', 'prefix must be a string');
  }
}

/**
 * Opens (creating if needed, mode 0700) the store in `dir`: takes the lock, removes an
 * unfinished compaction, replays the log, keeps damaged bytes aside and cuts a torn tail
 * (loadLog). What it found is in `reports()` from the start.
 */
export async function openFileStorage(
  dir: string,
  opts: FileStorageOptions = {},
): Promise<FileStorage> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chmod(dir, 0o700);
  const lock = await acquireLock(dir);
  try {
    await rm(join(dir, COMPACT_NAME), { force: true });
    await rm(join(dir, DAMAGED_TMP), { force: true });
    const opened = await openLogFile(dir);
    try {
      const log = await loadLog(dir, opened, opts.faults);
      return new FileStorage({ dir, lock, opts, log });
    } catch (e) {
      await opened.fh.close().catch(() => undefined);
      throw e;
    }
  } catch (e) {
    await lock.release();
    throw e instanceof StorageError ? e : new StorageError('io', 'cannot open store', { cause: e });
  }
}
