import { TABLES, type Storage, type WriteOp } from '../../shared/storage/Storage.ts';
import {
  bucketNameFrom,
  planBuckets,
  type BucketMarker,
  type BucketPlan,
  type FoundBucket,
} from './bucketPlan.ts';
import { openDexieStorage, type DexieStorage } from './DexieStorage.ts';

export const BUCKET_OPTIONS = { durability: 'strict', persisted: true } as const;

export interface StorageBucketLike {
  readonly indexedDB: IDBFactory;
}
export interface StorageBucketManagerLike {
  open(name: string, options?: typeof BUCKET_OPTIONS): Promise<StorageBucketLike>;
  keys(): Promise<string[]>;
  delete(name: string): Promise<void>;
}

/** The marker's own small database in each bucket, beside the vault's. */
const MARKER_DB = 'bucket';
const MARKER_STORE = 'marker';
const MARKER_KEY = 'marker';

/** Rows copied per transaction: bounded memory, whatever the vault's size. */
const COPY_BATCH = 200;

const request = <T>(r: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });

function openMarkerDb(factory: IDBFactory): Promise<IDBDatabase> {
  const req = factory.open(MARKER_DB, 1);
  req.onupgradeneeded = () => req.result.createObjectStore(MARKER_STORE);
  return request(req);
}

function isMarker(value: unknown): value is BucketMarker {
  if (typeof value !== 'object' || value === null) return false;
  const from = (value as { from?: unknown }).from;
  return from === null || typeof from === 'string';
}

/** The bucket's marker, without creating anything where there is none. */
export async function readMarker(factory: IDBFactory): Promise<BucketMarker | undefined> {
  if (!(await factory.databases()).some((d) => d.name === MARKER_DB)) return undefined;
  const db = await openMarkerDb(factory);
  try {
    const value: unknown = await request(
      db.transaction(MARKER_STORE).objectStore(MARKER_STORE).get(MARKER_KEY),
    );
    return isMarker(value) ? { from: value.from } : undefined;
  } finally {
    db.close();
  }
}

/** Writes the marker durably (strict: on disk before this resolves). */
export async function writeMarker(factory: IDBFactory, marker: BucketMarker): Promise<void> {
  const db = await openMarkerDb(factory);
  try {
    const tx = db.transaction(MARKER_STORE, 'readwrite', { durability: 'strict' });
    tx.objectStore(MARKER_STORE).put({ from: marker.from }, MARKER_KEY);
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = tx.onabort = () => reject(tx.error ?? new Error('marker not written'));
    });
  } finally {
    db.close();
  }
}

/** Copies every row of every table, bytes unchanged (sealed rows stay sealed, chaff included). */
export async function copyRows(from: Storage, to: Storage, signal?: AbortSignal): Promise<void> {
  for (const table of TABLES) {
    const ids = await from.keys(table);
    for (let i = 0; i < ids.length; i += COPY_BATCH) {
      signal?.throwIfAborted();
      const batch = ids.slice(i, i + COPY_BATCH);
      const values = await Promise.all(batch.map((id) => from.get(table, id)));
      const ops: WriteOp[] = [];
      batch.forEach((id, j) => {
        const bytes = values[j];
        if (bytes !== undefined) ops.push({ op: 'put', table, id, bytes });
      });
      if (ops.length > 0) await to.write(ops);
    }
  }
}

/**
 * The storage buckets of the vault (Chromium, so Electron too): which one holds it after a
 * restart (bucketPlan.ts), a fresh one for a first run, and moves to a fresh one.
 */
export class VaultBuckets {
  constructor(
    private readonly manager: StorageBucketManagerLike,
    private readonly random: () => Uint8Array,
    private readonly dbName: string,
  ) {}

  async factory(name: string): Promise<IDBFactory> {
    return (await this.manager.open(name, BUCKET_OPTIONS)).indexedDB;
  }

  /** Reads every bucket's marker and decides (nothing changed yet). */
  async plan(): Promise<BucketPlan> {
    const found: FoundBucket[] = [];
    for (const name of await this.manager.keys())
      found.push({ name, marker: await readMarker(await this.factory(name)) });
    return planBuckets(found);
  }

  /**
   * Finishes what a restart found (deletes unfinished copies and finished moves' sources,
   * settles the marker) and returns the bucket that holds the vault, or undefined.
   */
  async settle(): Promise<string | undefined> {
    const plan = await this.plan();
    for (const name of plan.remove) await this.manager.delete(name);
    if (plan.use !== undefined && plan.settle)
      await writeMarker(await this.factory(plan.use), { from: null });
    return plan.use;
  }

  /** Whether the vault's database exists in `bucket` (without creating it). */
  async hasDatabase(bucket: string): Promise<boolean> {
    const all = await (await this.factory(bucket)).databases();
    return all.some((d) => d.name === this.dbName);
  }

  /** A fresh, complete (marked), empty bucket for a first run. */
  async create(): Promise<string> {
    const name = bucketNameFrom(this.random());
    await writeMarker(await this.factory(name), { from: null });
    return name;
  }

  async openStorage(bucket: string): Promise<DexieStorage> {
    return openDexieStorage({ name: this.dbName, indexedDB: await this.factory(bucket) });
  }

  /**
   * Copies the vault in `from` (open as `source`, which nothing else may write meanwhile) into a
   * fresh bucket, marks that one complete, closes `source` and deletes `from`, files and all.
   * Returns the new bucket and its open storage; undefined if the copy failed or was aborted
   * before its marker (the new bucket is deleted, `source` stays open and in use).
   */
  async move(
    from: string,
    source: Storage,
    signal?: AbortSignal,
  ): Promise<{ readonly bucket: string; readonly storage: DexieStorage } | undefined> {
    const to = bucketNameFrom(this.random());
    let target: DexieStorage | undefined;
    try {
      target = await this.openStorage(to);
      await copyRows(source, target, signal);
      signal?.throwIfAborted();
      await writeMarker(await this.factory(to), { from });
    } catch {
      await target?.close();
      await this.manager.delete(to).catch(() => undefined);
      return undefined;
    }
    // From here the new bucket is the vault, whatever happens next (a restart settles it).
    await source.close();
    try {
      await this.manager.delete(from);
      await writeMarker(await this.factory(to), { from: null });
    } catch {
      // Left for the next start: bucketPlan deletes the source and settles the marker.
    }
    return { bucket: to, storage: target };
  }

  /** Every bucket of the page (the panic wipe). */
  async removeAll(): Promise<void> {
    for (const name of await this.manager.keys()) await this.manager.delete(name);
  }
}
