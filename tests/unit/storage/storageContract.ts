import { afterEach, describe, expect, it } from 'vitest';
import { TABLES, type Storage, type Table, type WriteOp } from '../../../shared/storage/Storage.ts';

/** Adapter options the contract needs: a wipe progress observer. */
export interface ContractHooks {
  readonly onWipeStep?: (step: 'vault-erased') => void | Promise<void>;
}
/** Opens a storage in a fresh, empty location. */
export type OpenStorage = (hooks?: ContractHooks) => Promise<Storage>;
/** Reopens the location of a storage that has been closed (or wiped). */
export type ReopenStorage = (closed: Storage) => Promise<Storage>;

/** Deterministic bytes (xorshift32) so failures reproduce. */
export function testBytes(seed: number, length: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed * 2654435761 + 1 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

/** Byte equality without vitest's deep-equal, which takes minutes on a 4 MiB typed array. */
export function sameBytes(a: Uint8Array | undefined, b: Uint8Array): boolean {
  return a !== undefined && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);
}

export const put = (table: Table, id: string, bytes: Uint8Array): WriteOp => ({
  op: 'put',
  table,
  id,
  bytes,
});
export const del = (table: Table, id: string): WriteOp => ({ op: 'delete', table, id });

/** The behaviour every Storage adapter must show; run it from each adapter's test file. */
export function runStorageContract(name: string, open: OpenStorage, reopen?: ReopenStorage): void {
  describe(`${name} (Storage contract)`, () => {
    const live: Storage[] = [];
    const fresh = async (hooks?: ContractHooks): Promise<Storage> => {
      const s = await open(hooks);
      live.push(s);
      return s;
    };
    /** Closes and reopens when the adapter persists; otherwise keeps the same instance. */
    const cycle = async (s: Storage): Promise<Storage> => {
      if (!reopen) return s;
      await s.close();
      const r = await reopen(s);
      live.push(r);
      return r;
    };
    afterEach(async () => {
      for (const s of live.splice(0)) await s.close().catch(() => undefined);
    });

    it('puts, gets, overwrites and deletes rows; tables are separate', async () => {
      const s = await fresh();
      expect(await s.get('secrets', 'a')).toBeUndefined();
      await s.write([put('secrets', 'a', testBytes(1, 10)), put('cells', 'a', testBytes(2, 5))]);
      expect(await s.get('secrets', 'a')).toEqual(testBytes(1, 10));
      expect(await s.get('cells', 'a')).toEqual(testBytes(2, 5));
      await s.write([put('secrets', 'a', testBytes(3, 7))]);
      expect(await s.get('secrets', 'a')).toEqual(testBytes(3, 7));
      await s.write([del('secrets', 'a'), del('secrets', 'never-there')]);
      expect(await s.get('secrets', 'a')).toBeUndefined();
      expect(await s.get('cells', 'a')).toEqual(testBytes(2, 5));
      await s.write([]);
      expect(await s.keys('cells')).toEqual(['a']);
    });

    it('lists rows and keys in id order, with and without a prefix', async () => {
      const s = await fresh();
      const ids = ['b', 'a/2', 'a/10', 'a', 'a/1', 'ab', 'B', '~', 'a-'];
      await s.write(ids.map((id, i) => put('envelopes', id, testBytes(i, 3))));
      await s.write([put('snapshots', 'a/1', testBytes(99, 1))]);
      const sorted = ['B', 'a', 'a-', 'a/1', 'a/10', 'a/2', 'ab', 'b', '~'];
      expect(await s.keys('envelopes')).toEqual(sorted);
      expect(await s.keys('envelopes', '')).toEqual(sorted);
      expect(await s.keys('envelopes', 'a/')).toEqual(['a/1', 'a/10', 'a/2']);
      expect(await s.keys('envelopes', 'a')).toEqual(['a', 'a-', 'a/1', 'a/10', 'a/2', 'ab']);
      expect(await s.keys('envelopes', 'zz')).toEqual([]);
      const rows = await s.list('envelopes', 'a/');
      expect(rows.map((r) => r.id)).toEqual(['a/1', 'a/10', 'a/2']);
      expect(rows.map((r) => r.bytes)).toEqual([4, 2, 1].map((i) => testBytes(i, 3)));
      expect((await s.list('envelopes')).map((r) => r.id)).toEqual(sorted);
      expect(await s.list('cells')).toEqual([]);
    });

    it('applies a batch in order across tables', async () => {
      const s = await fresh();
      await s.write([
        put('secrets', 'x', testBytes(1, 4)),
        put('cells', 'y', testBytes(2, 4)),
        del('secrets', 'x'),
        put('secrets', 'z', testBytes(3, 4)),
        put('settings', 'k', testBytes(4, 4)),
        put('settings', 'k', testBytes(5, 4)),
      ]);
      expect(await s.keys('secrets')).toEqual(['z']);
      expect(await s.get('cells', 'y')).toEqual(testBytes(2, 4));
      expect(await s.get('settings', 'k')).toEqual(testBytes(5, 4));
    });

    it('rejects a batch holding any invalid op and applies none of it', async () => {
      const s = await fresh();
      await s.write([put('secrets', 'keep', testBytes(1, 8))]);
      const before = [put('cells', 'c1', testBytes(2, 8)), del('secrets', 'keep')];
      const bad: unknown[] = [
        { op: 'put', table: 'nope', id: 'x', bytes: testBytes(3, 1) },
        { op: 'put', table: 'cells', id: 'x', bytes: 'not bytes' },
        { op: 'put', table: 'cells', id: 'x', bytes: [1, 2, 3] },
        { op: 'put', table: 'cells', id: 'x' },
        { op: 'upsert', table: 'cells', id: 'x', bytes: testBytes(3, 1) },
        { op: 'delete', table: 'cells', id: '' },
        { op: 'delete', table: 'cells', id: 'has space' },
        { op: 'delete', table: 'cells', id: 'caf\u00e9' },
        { op: 'delete', table: 'cells', id: 'x'.repeat(1025) },
        { op: 'delete', table: 'cells', id: 7 },
        null,
      ];
      for (const op of bad) {
        await expect(s.write([...before, op as WriteOp])).rejects.toMatchObject({
          code: 'invalid-op',
        });
      }
      await expect(s.write({} as unknown as WriteOp[])).rejects.toMatchObject({
        code: 'invalid-op',
      });
      await expect(s.get('nope' as unknown as Table, 'x')).rejects.toMatchObject({
        code: 'invalid-op',
      });
      await expect(s.list('nope' as unknown as Table)).rejects.toMatchObject({
        code: 'invalid-op',
      });
      expect(await s.get('secrets', 'keep')).toEqual(testBytes(1, 8));
      expect(await s.keys('cells')).toEqual([]);
      await s.write([...before]); // the same valid prefix alone goes through
      expect(await s.keys('cells')).toEqual(['c1']);
    });

    it('copies values at call time and never stores bytes around a view', async () => {
      const s = await fresh();
      const value = testBytes(1, 16);
      const pending = s.write([put('secrets', 'v', value)]);
      value.fill(0); // the caller reuses its buffer before the write settles
      await pending;
      expect(await s.get('secrets', 'v')).toEqual(testBytes(1, 16));
      const big = testBytes(2, 64);
      await s.write([put('secrets', 'view', big.subarray(10, 20))]);
      const back = await cycle(s).then((r) => r.get('secrets', 'view'));
      expect(back).toEqual(big.slice(10, 20));
      expect(back?.buffer.byteLength).toBe(10);
    });

    it('stores empty values and every byte value exactly, across reopen', async () => {
      let s = await fresh();
      const all = Uint8Array.from({ length: 512 }, (_, i) => (i < 256 ? i : 511 - i));
      await s.write([put('snapshots', 'all', all), put('snapshots', 'empty', new Uint8Array(0))]);
      s = await cycle(s);
      expect(await s.get('snapshots', 'all')).toEqual(all);
      const empty = await s.get('snapshots', 'empty');
      expect(empty).toBeInstanceOf(Uint8Array);
      expect(empty?.length).toBe(0);
    });

    it('stores a 4 MiB value', async () => {
      let s = await fresh();
      const large = testBytes(7, 4 * 1024 * 1024);
      await s.write([put('snapshots', 'large', large), put('cells', 'small', testBytes(8, 3))]);
      s = await cycle(s);
      const back = await s.get('snapshots', 'large');
      expect(back?.length).toBe(large.length);
      expect(sameBytes(back, large)).toBe(true);
      expect(await s.get('cells', 'small')).toEqual(testBytes(8, 3));
    });

    it('holds 5000 rows', async () => {
      let s = await fresh();
      const id = (i: number): string => `r${String(i).padStart(4, '0')}`;
      for (let b = 0; b < 5; b++) {
        const ops = Array.from({ length: 1000 }, (_, i) =>
          put('envelopes', id(b * 1000 + i), testBytes(b * 1000 + i, 24)),
        );
        await s.write(ops);
      }
      s = await cycle(s);
      const keys = await s.keys('envelopes');
      expect(keys).toHaveLength(5000);
      expect(keys).toEqual(Array.from({ length: 5000 }, (_, i) => id(i)));
      const some = await s.list('envelopes', 'r12');
      expect(some.map((r) => r.id)).toEqual(Array.from({ length: 100 }, (_, i) => id(1200 + i)));
      expect(some[37]?.bytes).toEqual(testBytes(1237, 24));
    });

    it('quarantines a row atomically, keeping its bytes', async () => {
      let s = await fresh();
      await s.write([put('secrets', 'q', testBytes(1, 33)), put('secrets', 'ok', testBytes(2, 3))]);
      await s.quarantine('secrets', 'q', 'open_failed');
      expect(await s.get('secrets', 'q')).toBeUndefined();
      expect(await s.get('quarantine', 'secrets/q')).toEqual(testBytes(1, 33));
      await s.quarantine('secrets', 'missing', 'open_failed'); // nothing to move: no change
      await expect(s.quarantine('quarantine', 'secrets/q', 'again')).rejects.toMatchObject({
        code: 'invalid-op',
      });
      s = await cycle(s);
      expect(await s.keys('secrets')).toEqual(['ok']);
      expect(await s.list('quarantine')).toEqual([{ id: 'secrets/q', bytes: testBytes(1, 33) }]);
    });

    it('keeps every acknowledged change across close and reopen', async () => {
      let s = await fresh();
      await s.write(TABLES.map((t, i) => put(t, `id-${t}`, testBytes(i, 40))));
      await s.write([del('cells', 'id-cells'), put('secrets', 'id-secrets', testBytes(50, 2))]);
      s = await cycle(s);
      for (const [i, t] of TABLES.entries()) {
        const want =
          t === 'cells' ? undefined : t === 'secrets' ? testBytes(50, 2) : testBytes(i, 40);
        expect(await s.get(t, `id-${t}`)).toEqual(want);
      }
    });

    it('applies unawaited writes in call order', async () => {
      const s = await fresh();
      const writes = [1, 2, 3].map((n) => s.write([put('settings', 'k', testBytes(n, 4))]));
      await Promise.all(writes);
      expect(await s.get('settings', 'k')).toEqual(testBytes(3, 4));
    });

    it('refuses calls after close', async () => {
      const s = await fresh();
      await s.close();
      await expect(s.write([put('cells', 'a', testBytes(1, 1))])).rejects.toMatchObject({
        code: 'closed',
      });
      await expect(s.get('cells', 'a')).rejects.toMatchObject({ code: 'closed' });
      await s.close(); // closing twice is harmless
    });

    it('wipe erases the vault row first, then everything', async () => {
      const seen: { vault?: Uint8Array; secrets?: string[]; writeRefused?: boolean }[] = [];
      const ref: { s?: Storage } = {};
      const onWipeStep = async (): Promise<void> => {
        const s = ref.s;
        if (!s) return;
        const writeRefused = await s.write([put('vault', 'header', testBytes(9, 9))]).then(
          () => false,
          () => true,
        );
        seen.push({
          vault: await s.get('vault', 'header'),
          secrets: await s.keys('secrets'),
          writeRefused,
        });
      };
      const s = await fresh({ onWipeStep });
      ref.s = s;
      await s.write(
        TABLES.map((t, i) => put(t, t === 'vault' ? 'header' : `row-${i}`, testBytes(i, 64))),
      );
      await s.wipe();
      expect(seen).toEqual([{ vault: undefined, secrets: ['row-1'], writeRefused: true }]);
      await expect(s.get('secrets', 'row-1')).rejects.toMatchObject({ code: 'closed' });
      if (!reopen) return;
      const r = await reopen(s);
      live.push(r);
      for (const t of TABLES) expect(await r.keys(t)).toEqual([]);
    });
  });
}
