// Dexie finds IndexedDB's key range type through the globals, as in a browser: set first.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { MovableStorage, type Placement } from '../../../renderer/storage/MovableStorage.ts';
import { LEGACY_BUCKET } from '../../../renderer/storage/bucketPlan.ts';
import {
  copyRows,
  readMarker,
  VaultBuckets,
  writeMarker,
  type StorageBucketManagerLike,
} from '../../../renderer/storage/vaultBuckets.ts';
import { TABLES, type Storage, type WriteOp } from '../../../shared/storage/Storage.ts';
import { testBytes } from './storageContract.ts';

const DB = 'quire';

/** Storage buckets as Chromium has them: each its own IndexedDB; deleting one drops it all. */
class FakeBuckets implements StorageBucketManagerLike {
  readonly factories = new Map<string, IDBFactory>();
  open(name: string): Promise<{ readonly indexedDB: IDBFactory }> {
    let f = this.factories.get(name);
    if (!f) this.factories.set(name, (f = new IDBFactory()));
    return Promise.resolve({ indexedDB: f });
  }
  keys(): Promise<string[]> {
    return Promise.resolve([...this.factories.keys()].sort());
  }
  delete(name: string): Promise<void> {
    this.factories.delete(name);
    return Promise.resolve();
  }
}

let seed = 0;
const random = (): Uint8Array => new Uint8Array(16).map(() => Math.floor(Math.random() * 256));

/** Rows in every table, as the vault's sealed rows, a second vault's and chaff would look. */
const sampleRows = (): WriteOp[] =>
  TABLES.flatMap((table) =>
    Array.from({ length: 230 }, (_, i) => ({
      op: 'put' as const,
      table,
      id: `${table}-${String(i).padStart(4, '0')}`,
      bytes: testBytes(++seed, 40 + (i % 7) * 13),
    })),
  );

async function dump(s: Storage): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  for (const table of TABLES)
    for (const r of await s.list(table)) out.set(`${table}/${r.id}`, r.bytes);
  return out;
}

async function vaultIn(manager: FakeBuckets): Promise<{ buckets: VaultBuckets; bucket: string }> {
  const buckets = new VaultBuckets(manager, random, DB);
  const bucket = await buckets.create();
  const s = await buckets.openStorage(bucket);
  await s.write(sampleRows());
  await s.close();
  return { buckets, bucket };
}

describe('VaultBuckets: moving the vault to a fresh bucket', () => {
  it('copies every row of every table byte for byte, deletes the old bucket, settles the marker', async () => {
    const manager = new FakeBuckets();
    const { buckets, bucket } = await vaultIn(manager);
    const source = await buckets.openStorage(bucket);
    const before = await dump(source);
    expect(before.size).toBe(230 * TABLES.length);
    const moved = await buckets.move(bucket, source);
    expect(moved).toBeDefined();
    expect(moved!.bucket).not.toBe(bucket);
    expect(moved!.bucket).toMatch(/^[0-9a-f]{32}$/);
    expect(await manager.keys()).toEqual([moved!.bucket]);
    expect(await dump(moved!.storage)).toEqual(before);
    expect(await readMarker(manager.factories.get(moved!.bucket)!)).toEqual({ from: null });
    await moved!.storage.close();
    // A restart finds the same single vault.
    expect(await new VaultBuckets(manager, random, DB).settle()).toBe(moved!.bucket);
  });

  it('after a move the page looks as after a first run: one bucket, same name shape, same marker', async () => {
    const shape = async (manager: FakeBuckets) => {
      const names = await manager.keys();
      const [only] = names;
      const f = manager.factories.get(only!)!;
      return {
        buckets: names.length,
        name: /^[0-9a-f]{32}$/.test(only!),
        databases: (await f.databases()).map((d) => d.name).sort(),
        marker: await readMarker(f),
      };
    };
    const fresh = new FakeBuckets();
    await vaultIn(fresh);
    const moved = new FakeBuckets();
    const { buckets, bucket } = await vaultIn(moved);
    const result = await buckets.move(bucket, await buckets.openStorage(bucket));
    await result!.storage.close();
    expect(await shape(moved)).toEqual(await shape(fresh));
  });

  it('an aborted copy (panic wipe) leaves the old bucket in use and deletes the copy', async () => {
    const manager = new FakeBuckets();
    const { buckets, bucket } = await vaultIn(manager);
    const source = await buckets.openStorage(bucket);
    const abort = new AbortController();
    abort.abort();
    expect(await buckets.move(bucket, source, abort.signal)).toBeUndefined();
    expect(await manager.keys()).toEqual([bucket]);
    expect((await dump(source)).size).toBe(230 * TABLES.length); // still open, still whole
    await source.close();
  });

  describe('a restart after the page died mid-move finds exactly one complete vault', () => {
    /** The states a move passes through, made by hand: source A (settled) and copy B. */
    async function cutMove(at: 'copying' | 'marked' | 'removed') {
      const manager = new FakeBuckets();
      const { buckets, bucket: a } = await vaultIn(manager);
      const source = await buckets.openStorage(a);
      const rows = await dump(source);
      const b = 'b'.repeat(32);
      const copy = await buckets.openStorage(b);
      if (at === 'copying')
        await copy.write(sampleRows().slice(0, 100)); // half a copy
      else await copyRows(source, copy);
      if (at !== 'copying') await writeMarker(manager.factories.get(b)!, { from: a });
      await Promise.all([source.close(), copy.close()]);
      if (at === 'removed') await manager.delete(a);
      return { manager, a, b, rows };
    }

    it('cut during the copy: the old bucket is used, the partial copy deleted', async () => {
      const { manager, a, rows } = await cutMove('copying');
      const buckets = new VaultBuckets(manager, random, DB);
      expect(await buckets.settle()).toBe(a);
      expect(await manager.keys()).toEqual([a]);
      const s = await buckets.openStorage(a);
      expect(await dump(s)).toEqual(rows);
      await s.close();
    });

    for (const at of ['marked', 'removed'] as const) {
      it(`cut after the copy was ${at}: the copy is used, the old bucket gone, marker settled`, async () => {
        const { manager, b, rows } = await cutMove(at);
        const buckets = new VaultBuckets(manager, random, DB);
        expect(await buckets.settle()).toBe(b);
        expect(await manager.keys()).toEqual([b]);
        expect(await readMarker(manager.factories.get(b)!)).toEqual({ from: null });
        const s = await buckets.openStorage(b);
        expect(await dump(s)).toEqual(rows);
        await s.close();
      });
    }

    it('a first run cut before its marker: nothing is used, the bucket goes', async () => {
      const manager = new FakeBuckets();
      await manager.open('c'.repeat(32));
      expect(await new VaultBuckets(manager, random, DB).settle()).toBeUndefined();
      expect(await manager.keys()).toEqual([]);
    });

    it('the unmarked bucket of older versions is a complete vault, kept', async () => {
      const manager = new FakeBuckets();
      const buckets = new VaultBuckets(manager, random, DB);
      const s = await buckets.openStorage(LEGACY_BUCKET);
      await s.write(sampleRows().slice(0, 10));
      await s.close();
      expect(await buckets.settle()).toBe(LEGACY_BUCKET);
      expect(await manager.keys()).toEqual([LEGACY_BUCKET]);
    });
  });
});

describe('MovableStorage: the app keeps working while the vault moves', () => {
  async function movable(moveAfterOps?: number) {
    const manager = new FakeBuckets();
    const { buckets, bucket } = await vaultIn(manager);
    const at: Placement = { bucket, storage: await buckets.openStorage(bucket) };
    let moves = 0;
    const storage = new MovableStorage(
      at,
      (from, signal) => {
        moves++;
        return buckets.move(from.bucket, from.storage, signal);
      },
      moveAfterOps,
    );
    return { manager, storage, moves: () => moves };
  }

  it('calls made during a move wait and land in the new bucket, in call order', async () => {
    const { manager, storage } = await movable();
    const first = storage.bucket;
    const buffer = testBytes(1, 50);
    const moving = storage.purgeResidue();
    const w1 = storage.write([{ op: 'put', table: 'snapshots', id: 'late', bytes: buffer }]);
    buffer.fill(0); // the write copied its value when called
    const w2 = storage.write([
      { op: 'put', table: 'snapshots', id: 'late', bytes: testBytes(2, 50) },
    ]);
    const keys = storage.keys('envelopes');
    await Promise.all([moving, w1, w2]);
    expect((await keys).length).toBe(230);
    expect(await storage.get('snapshots', 'late')).toEqual(testBytes(2, 50));
    expect(storage.bucket).not.toBe(first);
    expect(await manager.keys()).toEqual([storage.bucket]);
    const again = await new VaultBuckets(manager, random, DB).openStorage(storage.bucket);
    expect(await again.get('snapshots', 'late')).toEqual(testBytes(2, 50));
    expect((await again.keys('envelopes')).length).toBe(230);
    await again.close();
    await storage.close();
  });

  it('requests made while one move waits share it; a later one moves again', async () => {
    const { storage, moves } = await movable();
    // One runs at once; the two made meanwhile share the next one.
    await Promise.all([storage.purgeResidue(), storage.purgeResidue(), storage.purgeResidue()]);
    expect(moves()).toBe(2);
    const before = moves();
    await storage.purgeResidue();
    expect(moves()).toBe(before + 1);
    await storage.close();
  });

  it('moves on its own after enough rows were written, whichever vault wrote them', async () => {
    const { storage, moves } = await movable(50);
    const first = storage.bucket;
    for (let i = 0; i < 60; i++)
      await storage.write([
        { op: 'put', table: 'envelopes', id: `chaff${i}`, bytes: testBytes(i, 30) },
      ]);
    await storage.keys('vault'); // queued behind the move the 50th write started
    expect(moves()).toBe(1);
    expect(storage.bucket).not.toBe(first);
    expect((await storage.keys('envelopes')).length).toBe(290);
    await storage.close();
  });

  it('a wipe during a move stops it: the copy is deleted, the database wiped', async () => {
    const { manager, storage } = await movable();
    const first = storage.bucket;
    const moving = storage.purgeResidue();
    const wiping = storage.wipe();
    await Promise.all([moving, wiping]);
    expect(storage.bucket).toBe(first);
    expect(await manager.keys()).toEqual([first]); // the shell then deletes every bucket
    expect((await manager.factories.get(first)!.databases()).map((d) => d.name)).not.toContain(DB);
  });
});
