import { mkdtemp, readdir, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { encodeBatch } from '../../../node/storage/encodeBatch.ts';
import { type FileStorage, openFileStorage } from '../../../node/storage/FileStorage.ts';
import {
  FORMAT_V1,
  FORMAT_V2,
  LOG_MAGIC,
  LOG_MAGIC_V1,
  sealRecord,
} from '../../../node/storage/logFormat.ts';
import { put, testBytes } from './storageContract.ts';

/**
 * Faults at rest in the file store (issue 14, item 9). Demonstrated on the old store: one flipped
 * byte at 60% of the log cut it there on the next open, every later record gone, no warning; a
 * log truncated to half opened with different content and no warning.
 */
const LOG = 'store.log';
const COUNT = 120;
const row = (n: number): string => `b${String(n).padStart(3, '0')}`;

const roots: string[] = [];
afterAll(async () => {
  for (const root of roots) await rm(root, { recursive: true, force: true });
});

async function freshHome(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'quire-damage-'));
  roots.push(root);
  return join(root, 'home');
}

/** Batches 1..COUNT, one record each holding one 700-byte row; closed cleanly. */
async function writeBatches(home: string): Promise<void> {
  const s = await openFileStorage(home);
  for (let n = 1; n <= COUNT; n++) await s.write([put('envelopes', row(n), testBytes(n, 700))]);
  await s.close();
}

/** Which batches are present, each checked byte for byte. */
async function present(s: FileStorage): Promise<number[]> {
  const out: number[] = [];
  for (let n = 1; n <= COUNT; n++) {
    const bytes = await s.get('envelopes', row(n));
    if (bytes === undefined) continue;
    expect(Buffer.from(bytes).equals(testBytes(n, 700)), row(n)).toBe(true);
    out.push(n);
  }
  return out;
}

describe('FileStorage faults at rest', () => {
  const open: FileStorage[] = [];
  afterEach(async () => {
    for (const s of open.splice(0)) await s.close().catch(() => undefined);
  });
  const track = (s: FileStorage): FileStorage => {
    open.push(s);
    return s;
  };

  it('a byte flipped at 60% of the log loses only its record: the rest is kept, the damage kept aside and reported', async () => {
    const home = await freshHome();
    await writeBatches(home);
    const path = join(home, LOG);
    const bytes = await readFile(path);
    const at = Math.floor(bytes.length * 0.6);
    bytes[at] = bytes[at]! ^ 0x04;
    await writeFile(path, bytes);

    const s = track(await openFileStorage(home));
    const kept = await present(s);
    // Old store: a prefix of about 60% of the batches, and nothing reported.
    expect(kept).toHaveLength(COUNT - 1);
    const lost = Array.from({ length: COUNT }, (_, i) => i + 1).find((n) => !kept.includes(n));
    expect(lost).toBeGreaterThan(COUNT / 2);

    const reports = s.reports();
    expect(reports).toHaveLength(1);
    const damage = reports[0];
    if (damage?.kind !== 'damaged') throw new Error(`expected damage, got ${damage?.kind}`);
    // The damaged record is copied aside byte for byte, flipped byte included.
    const aside = await readFile(join(home, damage.keptAs ?? 'missing'));
    expect(aside.length).toBe(damage.bytes);
    const where = bytes.indexOf(aside);
    expect(where).toBeGreaterThan(0);
    expect(where <= at && at < where + aside.length).toBe(true);

    // Quarantined, not dropped: the next open is clean and writes carry on after the survivors.
    await s.write([put('envelopes', row(lost!), testBytes(lost!, 700))]);
    await s.close();
    const again = track(await openFileStorage(home));
    expect(await present(again)).toHaveLength(COUNT);
    expect(again.reports()).toEqual([]);
  });

  it('a log cut to half is reported as truncated, not opened as if nothing happened', async () => {
    const home = await freshHome();
    await writeBatches(home);
    const path = join(home, LOG);
    const size = (await stat(path)).size;
    await truncate(path, Math.floor(size / 2));
    const s = track(await openFileStorage(home));
    const kept = await present(s);
    expect(kept.length).toBeLessThan(COUNT / 2 + 1);
    // The half record at the cut is kept aside; the end the header vouched for is missing.
    expect(s.reports().map((r) => r.kind)).toEqual(['damaged', 'truncated']);
    const missing = s.reports().find((r) => r.kind === 'truncated');
    expect(missing?.kind === 'truncated' && missing.missingBytes).toBe(size - Math.floor(size / 2));
  });

  it('a log that lost exactly its last record after a clean close is reported as truncated', async () => {
    const home = await freshHome();
    const s0 = await openFileStorage(home);
    await s0.write([put('envelopes', row(1), testBytes(1, 700))]);
    const before = (await stat(join(home, LOG))).size;
    await s0.write([put('envelopes', row(2), testBytes(2, 700))]);
    await s0.close();
    await truncate(join(home, LOG), before); // a whole record gone, at a record boundary
    const s = track(await openFileStorage(home));
    expect(await present(s)).toEqual([1]);
    expect(s.reports()).toEqual([expect.objectContaining({ kind: 'truncated' })]);
    expect((await readdir(home)).filter((name) => name.includes('damaged'))).toEqual([]);
  });

  it('reads a format 1 log (no header, no markers), keeps a damaged record aside and rewrites it as format 2', async () => {
    const home = await freshHome();
    await openFileStorage(home).then((s) => s.close());
    const records = [1, 2, 3, 4, 5].map((n) => {
      const v2 = encodeBatch([put('envelopes', row(n), testBytes(n, 700))]).record;
      const v1 = new Uint8Array(v2.length - 4);
      v1.set(v2.subarray(FORMAT_V2.headerBytes), FORMAT_V1.headerBytes);
      sealRecord(v1, FORMAT_V1);
      return v1;
    });
    records[2]![300] = records[2]![300]! ^ 0x01; // record 3's payload, its length intact
    await writeFile(join(home, LOG), Buffer.concat([LOG_MAGIC_V1, ...records]));
    const s = track(await openFileStorage(home));
    const kept = await present(s);
    expect(kept).toEqual([1, 2, 4, 5]);
    expect(s.reports()).toEqual([
      { kind: 'damaged', bytes: records[2]!.length, keptAs: 'store.log.damaged-1' },
    ]);
    await s.close();
    expect((await readFile(join(home, LOG))).subarray(0, 8)).toEqual(Buffer.from(LOG_MAGIC));
    const again = track(await openFileStorage(home));
    expect(await present(again)).toEqual([1, 2, 4, 5]);
    expect(again.reports()).toEqual([]);
  });

  it('a panic wipe destroys kept-aside damage before it reports the vault erased', async () => {
    const home = await freshHome();
    await writeBatches(home);
    const path = join(home, LOG);
    const bytes = await readFile(path);
    const at = Math.floor(bytes.length * 0.3);
    bytes[at] = bytes[at]! ^ 0x02;
    await writeFile(path, bytes);
    const seen: string[][] = [];
    const s = await openFileStorage(home, {
      onWipeStep: async () => {
        seen.push((await readdir(home)).sort());
      },
    });
    expect((await readdir(home)).sort()).toEqual(['lock', LOG, 'store.log.damaged-1']);
    await s.wipe();
    expect(seen).toEqual([['lock', LOG]]);
    expect(await readdir(home)).toEqual([]);
  });
});
