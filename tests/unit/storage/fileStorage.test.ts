import { spawnSync } from 'node:child_process';
import {
  appendFile,
  copyFile,
  mkdtemp,
  open,
  readdir,
  readFile,
  rm,
  stat,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { encodeBatch } from '../../../node/storage/encodeBatch.ts';
import { type FileStorage, openFileStorage } from '../../../node/storage/FileStorage.ts';
import type { Storage } from '../../../shared/storage/Storage.ts';
import {
  type ContractHooks,
  put,
  runStorageContract,
  sameBytes,
  testBytes,
} from './storageContract.ts';

const roots: string[] = [];
const homes = new WeakMap<Storage, string>();

async function freshHome(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'quire-filestorage-'));
  roots.push(root);
  return join(root, 'home');
}

async function openAt(
  home: string,
  hooks?: ContractHooks,
  compactMinBytes?: number,
): Promise<FileStorage> {
  const s = await openFileStorage(home, {
    ...(hooks?.onWipeStep ? { onWipeStep: hooks.onWipeStep } : {}),
    ...(compactMinBytes !== undefined ? { compactMinBytes } : {}),
  });
  homes.set(s, home);
  return s;
}

afterAll(async () => {
  for (const root of roots) await rm(root, { recursive: true, force: true });
});

runStorageContract(
  'FileStorage',
  async (hooks) => openAt(await freshHome(), hooks),
  (closed) => openAt(homes.get(closed)!),
);

const LOG = 'store.log';
const row = (n: number): string => `b${String(n).padStart(3, '0')}`;

/** Writes batches 1..count, one record each, each with one 1000-byte row, then closes. */
async function writeBatches(home: string, count: number): Promise<void> {
  const s = await openAt(home);
  for (let n = 1; n <= count; n++) await s.write([put('envelopes', row(n), testBytes(n, 1000))]);
  await s.close();
}

/** Which of batches 1..count are present, checking their bytes. */
async function presentBatches(s: Storage, count: number): Promise<number[]> {
  const present: number[] = [];
  for (let n = 1; n <= count; n++) {
    const bytes = await s.get('envelopes', row(n));
    if (bytes) {
      expect(bytes).toEqual(testBytes(n, 1000));
      present.push(n);
    }
  }
  return present;
}

const contains = (haystack: Uint8Array, needle: Uint8Array): boolean =>
  Buffer.from(haystack.buffer, haystack.byteOffset, haystack.byteLength).indexOf(needle) >= 0;

describe('FileStorage (on disk)', () => {
  const open_: FileStorage[] = [];
  afterEach(async () => {
    for (const s of open_.splice(0)) await s.close();
  });
  const track = (s: FileStorage): FileStorage => {
    open_.push(s);
    return s;
  };

  it('shows one log and one lock, whatever the number of rows, with private modes', async () => {
    const home = await freshHome();
    const s = track(await openAt(home));
    await s.write([put('cells', 'one', testBytes(1, 10))]);
    expect((await readdir(home)).sort()).toEqual(['lock', LOG]);
    await s.write(
      Array.from({ length: 2000 }, (_, i) => put('envelopes', `e${i}`, testBytes(i, 10))),
    );
    expect((await readdir(home)).sort()).toEqual(['lock', LOG]);
    expect((await stat(home)).mode & 0o777).toBe(0o700);
    expect((await stat(join(home, LOG))).mode & 0o777).toBe(0o600);
    expect((await stat(join(home, 'lock'))).mode & 0o777).toBe(0o600);
    await s.close();
    expect(await readdir(home)).toEqual([LOG]);
  });

  it('lets only one opener hold a home, and breaks a lock left by a dead process', async () => {
    const home = await freshHome();
    const s = await openAt(home);
    await expect(openAt(home)).rejects.toMatchObject({ code: 'locked' });
    await s.close();
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    await writeFile(join(home, 'lock'), `${dead}\nleftover\n`);
    const t = track(await openAt(home));
    await t.write([put('cells', 'x', testBytes(1, 1))]);
    await t.close();
    await writeFile(join(home, 'lock'), ''); // being written by its owner right now
    await expect(openAt(home)).rejects.toMatchObject({ code: 'locked' });
  });

  it('leaves a file that is not a Quire log untouched', async () => {
    const home = await freshHome();
    await openAt(home).then((s) => s.close());
    await writeFile(join(home, LOG), 'not a log at all');
    await expect(openAt(home)).rejects.toMatchObject({ code: 'foreign-file' });
    expect(await readFile(join(home, LOG), 'utf8')).toBe('not a log at all');
    expect(await readdir(home)).toEqual([LOG]); // the lock was released
  });

  it('cuts a torn tail (an append that never completed), reports it, and keeps appending', async () => {
    const home = await freshHome();
    await writeBatches(home, 5);
    const size = (await stat(join(home, LOG))).size;
    // A writer died halfway through its sixth append: half a record after the acknowledged end.
    const { record } = encodeBatch([put('envelopes', row(6), testBytes(6, 1000))]);
    await appendFile(join(home, LOG), record.subarray(0, record.length >> 1));
    let s = await openAt(home);
    expect(await presentBatches(s, 6)).toEqual([1, 2, 3, 4, 5]);
    expect(s.reports()).toEqual([{ kind: 'torn-tail', bytes: record.length >> 1 }]);
    expect(s.stats()).toMatchObject({ tornTails: 1, cutBytes: record.length >> 1, logBytes: size });
    await s.write([put('envelopes', row(7), testBytes(7, 1000))]);
    await s.close();
    await appendFile(join(home, LOG), new Uint8Array([0xa9, 0x51, 0xc4])); // part of a marker
    s = track(await openAt(home));
    expect(await presentBatches(s, 7)).toEqual([1, 2, 3, 4, 5, 7]);
    expect(s.reports()).toEqual([{ kind: 'torn-tail', bytes: 3 }]);
  });

  it('keeps every record around two damaged ones, each kept aside byte for byte', async () => {
    const home = await freshHome();
    await writeBatches(home, 10);
    const path = join(home, LOG);
    const bytes = await readFile(path);
    for (const at of [0.3, 0.7].map((f) => Math.floor(bytes.length * f))) {
      bytes[at] = bytes[at]! ^ 0x40; // one flipped bit
    }
    await writeFile(path, bytes);
    let s = await openAt(home);
    const present = await presentBatches(s, 10);
    expect(present).toHaveLength(8);
    const reports = s.reports();
    expect(reports.map((r) => r.kind)).toEqual(['damaged', 'damaged']);
    for (const r of reports) {
      if (r.kind !== 'damaged' || r.keptAs === undefined) throw new Error('not kept aside');
      const kept = await readFile(join(home, r.keptAs));
      expect(kept.length).toBe(r.bytes);
      expect(bytes.indexOf(kept)).toBeGreaterThan(0);
    }
    expect(s.stats()).toMatchObject({ damagedRanges: 2, tornTails: 0, truncations: 0 });
    expect((await readdir(home)).sort()).toEqual([
      'lock',
      LOG,
      'store.log.damaged-1',
      'store.log.damaged-2',
    ]);
    await s.write([put('envelopes', row(11), testBytes(11, 1000))]);
    await s.close();
    s = track(await openAt(home)); // rewritten without the damage: clean from now on
    expect(await presentBatches(s, 11)).toEqual([...present, 11]);
    expect(s.reports()).toEqual([]);
  });

  it('compacts a log above twice its live size without losing rows', async () => {
    const home = await freshHome();
    let s = await openAt(home, undefined, 64 * 1024);
    for (let round = 0; round < 60; round++) {
      await s.write(
        Array.from({ length: 10 }, (_, i) =>
          put('snapshots', `s${i}`, testBytes(round * 10 + i, 4096)),
        ),
      );
    }
    await s.keys('snapshots'); // queued behind any compaction the last write scheduled
    const { compactions, logBytes, liveBytes } = s.stats();
    expect(compactions).toBeGreaterThan(3);
    expect(logBytes).toBeLessThanOrEqual(Math.max(2 * liveBytes, 64 * 1024) + 50_000);
    await s.close();
    await writeFile(join(home, 'store.log.compact'), 'a compaction that never reached its rename');
    s = track(await openAt(home));
    expect(await readdir(home).then((names) => names.sort())).toEqual(['lock', LOG]);
    for (let i = 0; i < 10; i++)
      expect(await s.get('snapshots', `s${i}`)).toEqual(testBytes(590 + i, 4096));
  });

  it('zeroes every copy of the vault row in the old log when compacting', async () => {
    const home = await freshHome();
    const s = track(await openAt(home, undefined, 16 * 1024));
    const vaults = [1, 2, 3].map((n) => testBytes(1000 + n, 64));
    for (const v of vaults) await s.write([put('vault', 'header', v)]);
    const before = await open(join(home, LOG), 'r'); // keeps the pre-compaction inode readable
    try {
      // Older copies are zeroed as soon as a newer header is written (fileVaultScrub.test.ts);
      // the newest stays readable until compaction moves it.
      const now = await before.readFile();
      expect(contains(now, vaults[0]!)).toBe(false);
      expect(contains(now, vaults[2]!)).toBe(true);
      for (const n of [5, 6, 7]) await s.write([put('snapshots', 'big', testBytes(n, 20_000))]);
      await s.keys('vault');
      expect(s.stats().compactions).toBe(1);
      const old = Buffer.alloc((await before.stat()).size);
      await before.read(old, 0, old.length, 0);
      for (const v of vaults) expect(contains(old, v)).toBe(false);
    } finally {
      await before.close();
    }
    expect(await s.get('vault', 'header')).toEqual(vaults[2]);
  });

  it('purgeResidue: superseded and deleted rows leave the files, the old file is zeroed, live rows stay', async () => {
    const home = await freshHome();
    const s = track(await openAt(home)); // default 1 MiB floor: no compaction on its own
    const gone = testBytes(7, 3000);
    const rewritten = testBytes(8, 3000);
    const kept = testBytes(9, 3000);
    await s.write([put('envelopes', 'gone', gone), put('secrets', 'ring', rewritten)]);
    await s.write([put('snapshots', 'kept', kept)]);
    await s.write([{ op: 'delete', table: 'envelopes', id: 'gone' }]);
    await s.write([put('secrets', 'ring', testBytes(10, 3000))]);
    const before = await open(join(home, LOG), 'r'); // keeps the pre-purge inode readable
    try {
      const now = await readFile(join(home, LOG));
      expect(contains(now, gone) && contains(now, rewritten)).toBe(true); // control
      await s.purgeResidue();
      expect(s.stats().compactions).toBe(1);
      const files = await readdir(home).then((names) => names.sort());
      expect(files).toEqual(['lock', LOG]);
      const after = await readFile(join(home, LOG));
      expect(contains(after, gone)).toBe(false);
      expect(contains(after, rewritten)).toBe(false);
      expect(contains(after, kept)).toBe(true);
      const old = Buffer.alloc((await before.stat()).size);
      await before.read(old, 0, old.length, 0);
      expect(old.some((b) => b !== 0)).toBe(false); // every byte of the old file zeroed
    } finally {
      await before.close();
    }
    expect(await s.get('snapshots', 'kept')).toEqual(kept);
    expect(await s.get('secrets', 'ring')).toEqual(testBytes(10, 3000));
    expect(await s.get('envelopes', 'gone')).toBeUndefined();
    await s.purgeResidue(); // nothing superseded now: no rewrite
    expect(s.stats().compactions).toBe(1);
    await s.write([put('snapshots', 'after', kept)]); // the store goes on appending
    await s.close();
    const again = track(await openAt(home));
    expect(await again.get('snapshots', 'after')).toEqual(kept);
    expect(await again.get('secrets', 'ring')).toEqual(testBytes(10, 3000));
  });

  it('wipe: vault row deleted and zeroed on disk first, then no file left', async () => {
    const home = await freshHome();
    const vaults = [1, 2].map((n) => testBytes(2000 + n, 96));
    const onDisk: { vaultBytesInLog: boolean; vault?: Uint8Array; secret?: boolean }[] = [];
    const s = await openAt(home, {
      onWipeStep: async () => {
        const log = await readFile(join(home, LOG));
        const copy = join(await freshHome());
        await openFileStorage(copy).then((c) => c.close());
        await copyFile(join(home, LOG), join(copy, LOG)); // what a seizure would find right now
        const c = await openFileStorage(copy);
        onDisk.push({
          vaultBytesInLog: vaults.some((v) => contains(log, v)),
          vault: await c.get('vault', 'header'),
          secret: sameBytes(await c.get('secrets', 'k'), testBytes(3, 50)),
        });
        await c.close();
      },
    });
    for (const v of vaults)
      await s.write([put('vault', 'header', v), put('secrets', 'k', testBytes(3, 50))]);
    expect(contains(await readFile(join(home, LOG)), vaults[1]!)).toBe(true);
    await s.wipe();
    expect(onDisk).toEqual([{ vaultBytesInLog: false, vault: undefined, secret: true }]);
    expect(await readdir(home)).toEqual([]);
  });
});
