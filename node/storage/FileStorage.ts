import { chmod, type FileHandle, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Row, Storage, Table, WriteOp } from '../../shared/storage/Storage.ts';
import { acquireLock, type StoreLock } from './acquireLock.ts';
import { compactLog, COMPACT_NAME, LOG_NAME } from './compactLog.ts';
import { encodeBatch } from './encodeBatch.ts';
import type { FileStorageOptions, FileStorageStats, WipeStep } from './FileStorageOptions.ts';
import type { LogIndex, ValueLocation } from './LogIndex.ts';
import { readAt, syncDir, writeAt } from './logIo.ts';
import { openLogFile } from './openLogFile.ts';
import { LOG_MAGIC } from './logFormat.ts';
import { replayLog } from './replayLog.ts';
import { scrubVaultCopies } from './scrubVaultCopies.ts';
import { StorageError } from '../../shared/storage/StorageError.ts';
import { isRowId, isTable, validateWriteOps } from '../../shared/storage/validateWriteOps.ts';

export type { FileStorageOptions, FileStorageStats, WipeStep };

type State = 'open' | 'wiping' | 'failed' | 'closed';
type Counters = {
  -readonly [
    K in 'compactions' | 'compactionFailures' | 'tornTails' | 'corruptRecords' | 'droppedBytes'
  ]: number;
};
const MAX_NOTES = 100;

/**
 * Storage in one append-only log file (see logFormat.ts) with an in-memory index. Every call
 * runs in order on one queue; a batch is one record, fsynced before the promise resolves.
 */
export class FileStorage implements Storage {
  readonly #dir: string;
  readonly #lock: StoreLock;
  readonly #opts: FileStorageOptions;
  #fh: FileHandle;
  #size: number;
  #index: LogIndex;
  #state: State = 'open';
  #queue: Promise<unknown> = Promise.resolve();
  readonly #counters: Counters;
  readonly #notes: { table: Table; id: string; reason: string }[] = [];

  constructor(init: {
    dir: string;
    lock: StoreLock;
    opts: FileStorageOptions;
    fh: FileHandle;
    size: number;
    index: LogIndex;
    damage: 'none' | 'torn' | 'corrupt';
    droppedBytes: number;
  }) {
    this.#dir = init.dir;
    this.#lock = init.lock;
    this.#opts = init.opts;
    this.#fh = init.fh;
    this.#size = init.size;
    this.#index = init.index;
    this.#counters = {
      compactions: 0,
      compactionFailures: 0,
      tornTails: init.damage === 'torn' ? 1 : 0,
      corruptRecords: init.damage === 'corrupt' ? 1 : 0,
      droppedBytes: init.droppedBytes,
    };
  }

  stats(): FileStorageStats {
    return {
      logBytes: this.#size,
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
        await scrubVaultCopies(this.#fh, this.#index.vaultCopies);
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
      await this.#fh.close().catch(() => undefined);
      await rm(join(this.#dir, COMPACT_NAME), { force: true });
      await rm(join(this.#dir, LOG_NAME), { force: true });
      await this.#lock.release();
      await syncDir(this.#dir);
    });
  }

  async close(): Promise<void> {
    return this.#run(async () => {
      if (this.#state === 'closed') return;
      this.#state = 'closed';
      await this.#fh.close();
      await this.#lock.release();
    });
  }

  /** Appends one record and fsyncs it; on failure cuts the tail back so no half record stays. */
  async #append(encoded: ReturnType<typeof encodeBatch>): Promise<void> {
    const start = this.#size;
    try {
      await writeAt(this.#fh, encoded.record, start);
      await this.#fh.datasync();
    } catch (e) {
      try {
        await this.#fh.truncate(start);
        await this.#fh.datasync();
      } catch {
        this.#state = 'failed'; // the file's tail is unknown: refuse writes until reopened
      }
      throw new StorageError('io', 'append failed', { cause: e });
    }
    this.#size = start + encoded.record.length;
    this.#index.apply(encoded.entries, start, encoded.record.length);
    const min = this.#opts.compactMinBytes ?? 1024 * 1024;
    if (this.#size > min && this.#size > 2 * (LOG_MAGIC.length + this.#index.liveBytes)) {
      void this.#run(() => this.#compact()).catch(() => undefined);
    }
  }

  async #compact(): Promise<void> {
    if (this.#state !== 'open') return;
    let next;
    try {
      next = await compactLog(this.#dir, this.#fh, this.#index);
    } catch {
      this.#counters.compactionFailures++; // the old log is intact and still in use
      return;
    }
    const old = this.#fh;
    const oldVault = this.#index.vaultCopies;
    this.#fh = next.fh;
    this.#size = next.size;
    this.#index = next.index;
    this.#counters.compactions++;
    try {
      await syncDir(this.#dir);
    } catch {
      // The rename may not be durable: later appends could land in a file that power loss un-renames.
      this.#state = 'failed';
    }
    // The old file is unlinked but its blocks may survive: zero the vault copies in it too.
    await scrubVaultCopies(old, oldVault).catch(() => undefined);
    await old.close().catch(() => undefined);
  }

  async #read(loc: ValueLocation): Promise<Uint8Array> {
    try {
      return await readAt(this.#fh, loc.offset, loc.length);
    } catch (e) {
      throw new StorageError('io', 'read failed', { cause: e });
    }
  }

  #assertReadable(): void {
    if (this.#state === 'closed') throw closedError();
  }

  #assertWritable(): void {
    if (this.#state === 'failed') throw new StorageError('io', 'store failed; reopen it');
    if (this.#state !== 'open') throw closedError();
  }

  #run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.#queue.then(task);
    this.#queue = result.catch(() => undefined);
    return result;
  }
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
 * unfinished compaction, replays the log and truncates a torn or corrupt tail.
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
    const fh = await openLogFile(dir);
    try {
      const size = (await fh.stat()).size;
      const replay = await replayLog(fh, size);
      if (replay.end < size) {
        await fh.truncate(replay.end);
        await fh.datasync();
      }
      return new FileStorage({
        dir,
        lock,
        opts,
        fh,
        size: replay.end,
        index: replay.index,
        damage: replay.damage,
        droppedBytes: size - replay.end,
      });
    } catch (e) {
      await fh.close();
      throw e;
    }
  } catch (e) {
    await lock.release();
    throw e instanceof StorageError ? e : new StorageError('io', 'cannot open store', { cause: e });
  }
}
