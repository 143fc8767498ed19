import { IDBKeyRange, IDBObjectStore, indexedDB } from 'fake-indexeddb';
import { appendFile, mkdir, mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDexieStorage } from '../../../renderer/storage/DexieStorage.ts';
import { encodeBatch } from '../../../node/storage/encodeBatch.ts';
import { type FaultStep, openFileStorage } from '../../../node/storage/FileStorage.ts';
import { FIRST_RECORD } from '../../../node/storage/logFormat.ts';
import { encodeSlot, slotOffset } from '../../../node/storage/logHeader.ts';
import type { Storage } from '../../../shared/storage/Storage.ts';
import type { StorageReport } from '../../../shared/storage/StorageReport.ts';
import { argon2idKdf } from '../../../shared/vault/argon2idKdf.ts';
import { NO_CHAFF } from '../../../shared/vault/writeChaff.ts';
import { createVault } from '../../../shared/vault/createVault.ts';
import { prng, randInt } from '../../support/prng.ts';
import { FAST, PASS, TEST_FLOOR } from '../vault/vaultFixture.ts';
import { put, sameBytes, testBytes } from './storageContract.ts';

/**
 * Faults at rest, both stores (issue 14, item 9): after each fault, no acknowledged write is
 * lost except the one record the fault itself destroyed, and every loss is reported. The kill -9
 * row of the matrix for the file store is fileStorageCrash.test.ts (a writer SIGKILLed at seeded
 * moments: every acknowledged batch survives, at most a torn tail is reported); here a kill
 * between the record write and its fsync is also laid out byte for byte.
 */
const LOG = 'store.log';
const COUNT = 48;
const SEED = 0x9e37;
const row = (n: number): string => `r${String(n).padStart(3, '0')}`;
/** Value sizes vary so records do too; a few are large enough to span several pages. */
const sizeOf = (n: number): number => (n % 11 === 0 ? 9000 : 200 + ((n * 37) % 900));
const valueOf = (n: number): Uint8Array => testBytes(n, sizeOf(n));

const batch = (n: number) => [put('envelopes', row(n), valueOf(n))];
/** Where each record starts and ends in the pristine log (record n at index n - 1). */
const records: { start: number; end: number }[] = [];
for (let n = 1, at = FIRST_RECORD; n <= COUNT; n++) {
  const length = encodeBatch(batch(n)).record.length;
  records.push({ start: at, end: at + length });
  at += length;
}
const LOG_END = records.at(-1)!.end;

let root: string;
let pristine: Buffer;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'quire-matrix-'));
  const home = join(root, 'pristine');
  const s = await openFileStorage(home);
  for (let n = 1; n <= COUNT; n++) await s.write(batch(n));
  await s.close();
  pristine = await readFile(join(home, LOG));
  expect(pristine.length).toBe(LOG_END);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

let homes = 0;
/** A fresh home holding `bytes` as its log. */
async function homeWith(bytes: Uint8Array): Promise<string> {
  const home = join(root, `h${++homes}`);
  await mkdir(home, { recursive: true, mode: 0o700 });
  await writeFile(join(home, LOG), bytes);
  return home;
}

/** Which rows are present, each checked byte for byte. */
async function present(s: Storage): Promise<number[]> {
  const out: number[] = [];
  for (let n = 1; n <= COUNT; n++) {
    const bytes = await s.get('envelopes', row(n));
    if (bytes === undefined) continue;
    expect(sameBytes(bytes, valueOf(n)), row(n)).toBe(true);
    out.push(n);
  }
  return out;
}

const all = Array.from({ length: COUNT }, (_, i) => i + 1);
const recordAt = (offset: number): number => records.findIndex((r) => offset < r.end) + 1;

describe('file store: a byte flipped anywhere', () => {
  const random = prng(SEED);
  const offsets = new Set<number>([
    records[0]!.start + 20, // first record's payload
    records[9]!.start + 5, // a checksum byte
    records[10]!.start + 9, // a length byte: the record's extent is unknown, the next marker found
    records[30]!.end - 1, // the last byte of a record
    records[COUNT - 1]!.start + 40, // the last record: nothing valid after it
  ]);
  while (offsets.size < 15) offsets.add(FIRST_RECORD + randInt(random, LOG_END - FIRST_RECORD));

  for (const offset of offsets) {
    it(`at ${offset}`, async () => {
      const bytes = Buffer.from(pristine);
      bytes[offset] = bytes[offset]! ^ (1 << randInt(random, 8));
      const home = await homeWith(bytes);
      const s = await openFileStorage(home);
      try {
        const n = recordAt(offset);
        const inMarker = offset < records[n - 1]!.start + 4;
        // A flipped marker byte costs nothing: the record is intact and still read.
        expect(await present(s)).toEqual(inMarker ? all : all.filter((k) => k !== n));
        const reports = s.reports();
        if (inMarker) {
          expect(reports).toEqual([]);
          return;
        }
        const { start, end } = records[n - 1]!;
        expect(reports).toEqual([
          { kind: 'damaged', bytes: end - start, keptAs: 'store.log.damaged-1' },
        ]);
        expect(
          sameBytes(await readFile(join(home, 'store.log.damaged-1')), bytes.subarray(start, end)),
        ).toBe(true);
      } finally {
        await s.close();
      }
    });
  }

  it('in the magic: every row is kept, the 8 bytes are kept aside and reported', async () => {
    const bytes = Buffer.from(pristine);
    bytes[3] = bytes[3]! ^ 0x20;
    const s = await openFileStorage(await homeWith(bytes));
    expect(await present(s)).toEqual(all);
    expect(s.reports()).toEqual([{ kind: 'damaged', bytes: 8, keptAs: 'store.log.damaged-1' }]);
    await s.close();
  });

  it('in one header slot: every row is kept, the other slot stands (nothing to report)', async () => {
    for (const counter of [0, 1]) {
      const bytes = Buffer.from(pristine);
      bytes[slotOffset(counter) + 12] = bytes[slotOffset(counter) + 12]! ^ 0x01;
      const s = await openFileStorage(await homeWith(bytes));
      expect(await present(s)).toEqual(all);
      expect(s.reports()).toEqual([]);
      await s.close();
    }
  });

  it('in both header slots: every row is kept, the header is kept aside and reported', async () => {
    const bytes = Buffer.from(pristine);
    for (const counter of [0, 1])
      bytes[slotOffset(counter) + 20] = bytes[slotOffset(counter) + 20]! ^ 0x01;
    const s = await openFileStorage(await homeWith(bytes));
    expect(await present(s)).toEqual(all);
    expect(s.reports()).toEqual([
      { kind: 'damaged', bytes: FIRST_RECORD - 8, keptAs: 'store.log.damaged-1' },
    ]);
    await s.close();
  });
});

describe('file store: cut short', () => {
  const cuts: [string, () => number][] = [
    ['in the middle of a record', () => records[20]!.start + 100],
    ['at a record boundary', () => records[20]!.start],
    ['just before the end', () => LOG_END - 1],
    ['inside the header', () => 600],
    ['inside the magic', () => 5],
    ['to nothing', () => 0],
  ];
  for (const [name, cutAt] of cuts) {
    it(name, async () => {
      const cut = cutAt();
      const home = await homeWith(pristine);
      await truncate(join(home, LOG), cut);
      const s = await openFileStorage(home);
      try {
        // Every record wholly before the cut is kept; the end is reported lost.
        expect(await present(s)).toEqual(all.filter((n) => records[n - 1]!.end <= cut));
        const truncated = s.reports().find((r) => r.kind === 'truncated');
        expect(truncated).toBeDefined();
        if (cut >= FIRST_RECORD) {
          expect(truncated).toEqual({ kind: 'truncated', missingBytes: pristine.length - cut });
        }
        // A record cut in two is kept aside as damage; a header cut short but with a slot left is not.
        const partial = records.some((r) => r.start < cut && cut < r.end);
        expect(s.reports().some((r) => r.kind === 'damaged')).toBe(partial);
      } finally {
        await s.close();
      }
      // Reported once: the next open is clean, and the store works on.
      const again = await openFileStorage(home);
      expect(again.reports()).toEqual([]);
      await again.write([put('envelopes', 'after', testBytes(1, 10))]);
      await again.close();
    });
  }
});

describe('file store: killed between writing a record and its fsync', () => {
  it('the half-written append is a torn tail: cut and reported, every acknowledged row kept', async () => {
    const { record } = encodeBatch([put('envelopes', 'in-flight', testBytes(99, 9000))]);
    const bytes = Buffer.from(pristine);
    const end = pristine.length;
    // The slot of the append in flight landed, half of its record did: what a kill can leave.
    const counter = 1000; // newer than any slot the pristine log holds
    bytes.set(
      encodeSlot({ counter, durableEnd: end, end: end + record.length }),
      slotOffset(counter),
    );
    const home = await homeWith(bytes);
    await appendFile(join(home, LOG), record.subarray(0, 4096));
    const s = await openFileStorage(home);
    expect(await present(s)).toEqual(all);
    expect(await s.get('envelopes', 'in-flight')).toBeUndefined();
    expect(s.reports()).toEqual([{ kind: 'torn-tail', bytes: 4096 }]);
    await s.close();
  });
});

describe('file store: the disk fills up or fails', () => {
  const steps: [FaultStep, string, 'full' | 'io'][] = [
    ['append', 'ENOSPC', 'full'],
    ['append', 'EDQUOT', 'full'],
    ['header', 'ENOSPC', 'full'],
    ['sync', 'EIO', 'io'],
  ];
  for (const [step, code, kind] of steps) {
    it(`${code} on ${step}: the write is refused as '${kind}', reported, and nothing of it stays`, async () => {
      let failing = false;
      const home = await homeWith(pristine);
      const faults = (at: FaultStep): void => {
        if (failing && at === step) throw Object.assign(new Error(code), { code });
      };
      const s = await openFileStorage(home, { faults });
      const heard: StorageReport[] = [];
      s.onReport((r) => heard.push(r));
      failing = true;
      await expect(s.write([put('envelopes', 'refused', testBytes(2, 500))])).rejects.toMatchObject(
        {
          code: kind,
        },
      );
      failing = false;
      expect(heard).toEqual([{ kind: 'write-failed', code: kind }]);
      expect(await s.get('envelopes', 'refused')).toBeUndefined();
      await s.write([put('envelopes', 'later', testBytes(3, 500))]); // room again: it carries on
      await s.close();
      const again = await openFileStorage(home);
      expect(await present(again)).toEqual(all);
      expect(await again.get('envelopes', 'refused')).toBeUndefined();
      expect(await again.get('envelopes', 'later')).toEqual(testBytes(3, 500));
      expect(again.reports()).toEqual([]);
      await again.close();
    });
  }

  it('no room to keep damaged bytes aside: they stay in the log, are skipped and reported again', async () => {
    const bytes = Buffer.from(pristine);
    const hit = records[15]!.start + 50;
    bytes[hit] = bytes[hit]! ^ 0x08;
    const home = await homeWith(bytes);
    const full = (step: FaultStep): void => {
      if (step === 'keep-aside') throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' });
    };
    for (let open = 0; open < 2; open++) {
      const s = await openFileStorage(home, { faults: full });
      expect(await present(s)).toEqual(all.filter((n) => n !== 16));
      expect(s.reports()).toEqual([
        { kind: 'damaged', bytes: records[15]!.end - records[15]!.start, keptAs: undefined },
      ]);
      await s.write([put('envelopes', `after${open}`, testBytes(open, 100))]);
      await s.close();
    }
    expect(
      await readFile(join(home, LOG)).then((b) => b.includes(bytes.subarray(hit - 40, hit + 40))),
    ).toBe(true);
  });
});

describe('IndexedDB store', () => {
  let counter = 0;
  const open = () =>
    openDexieStorage({ name: `quire-matrix-${process.pid}-${++counter}`, indexedDB, IDBKeyRange });

  it('quota exceeded in the middle of a batch: none of it applied, reported as full', async () => {
    const s = await open();
    await s.write([put('cells', 'kept', testBytes(1, 8))]);
    const proto = IDBObjectStore.prototype;
    const original = Object.getOwnPropertyDescriptor(proto, 'put')!;
    const realPut = original.value as IDBObjectStore['put'];
    Object.defineProperty(proto, 'put', {
      ...original,
      value: function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
        if ((value as { id?: unknown }).id === 'third')
          throw new DOMException('quota', 'QuotaExceededError');
        return realPut.call(this, value, key);
      },
    });
    try {
      const batch = ['first', 'second', 'third'].map((id, i) => put('cells', id, testBytes(i, 8)));
      await expect(s.write(batch)).rejects.toMatchObject({ code: 'full' });
    } finally {
      Object.defineProperty(proto, 'put', original);
    }
    expect(await s.keys('cells')).toEqual(['kept']);
    expect(s.reports()).toEqual([{ kind: 'write-failed', code: 'full' }]);
    await s.close();
  });

  it('corrupt rows (a flipped byte, a value that is no longer bytes): set aside and reported, the rest read', async () => {
    const s = await open();
    const created = await createVault(s, PASS, {
      kdf: argon2idKdf,
      params: FAST,
      floor: TEST_FLOOR,
      chaff: NO_CHAFF,
    });
    if (!created.ok) throw new Error(created.error);
    const store = created.value.store;
    for (let n = 1; n <= 6; n++) await store.put('envelopes', `k${n}`, testBytes(n, 64));
    const ids = await s.keys('envelopes');
    const flipped = (await s.get('envelopes', ids[1]!))!.slice();
    flipped[40] = flipped[40]! ^ 0x80;
    await s.write([put('envelopes', ids[1]!, flipped)]);
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.open(`quire-matrix-${process.pid}-${counter}`);
      req.onsuccess = () => {
        const tx = req.result.transaction('envelopes', 'readwrite');
        tx.objectStore('envelopes').put({ id: ids[4], bytes: 'not bytes any more' });
        tx.oncomplete = () => {
          req.result.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error ?? new Error('put failed'));
      };
      req.onerror = () => reject(req.error ?? new Error('open failed'));
    });
    const rows = await store.scan('envelopes');
    expect(rows.map((r) => r.key).sort()).toHaveLength(4);
    // A scan cannot tell a flipped row of ours from chaff or another vault's row: it skips it.
    // Read by its own key, it is ours: quarantined and reported.
    const missing: string[] = [];
    for (let n = 1; n <= 6; n++)
      if ((await store.get('envelopes', `k${n}`)) === undefined) missing.push(`k${n}`);
    expect(missing).toHaveLength(2);
    expect(s.reports()).toEqual([
      { kind: 'row-quarantined', table: 'envelopes' },
      { kind: 'row-quarantined', table: 'envelopes' },
    ]);
    expect((await s.keys('quarantine')).sort()).toEqual(
      [`envelopes/${ids[1]!}`, `envelopes/${ids[4]!}`].sort(),
    );
    await s.close();
  });
});
