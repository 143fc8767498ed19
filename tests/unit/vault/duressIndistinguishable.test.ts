/**
 * Issue 15: given the duress passphrase and the raw stores of two installations (one with a real
 * vault hidden behind the decoy, one with only the decoy, used the same way), a script cannot tell
 * which hides a second vault from the header, the row counts or the row sizes; and the real cell's
 * canaries appear in neither store in any encoding. Run over the node file store and Dexie on
 * fake-indexeddb. Both installations draw the same chaff target here (as two installations whose
 * salts happen to give the same target): across installations the target varies 512..8192.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFileStorage } from '../../../node/storage/FileStorage.ts';
import { openDexieStorage } from '../../../renderer/storage/DexieStorage.ts';
import { sodiumReady } from '../../../shared/crypto/sodium.ts';
import type { DecoyTemplate } from '../../../shared/decoy/decoyTemplates.ts';
import { seedCellFromTemplate, seedDecoyVault } from '../../../shared/decoy/seedDecoyVault.ts';
import type { Storage } from '../../../shared/storage/Storage.ts';
import { argon2idKdf } from '../../../shared/vault/argon2idKdf.ts';
import { createVault } from '../../../shared/vault/createVault.ts';
import { rowSizeClass } from '../../../shared/vault/rowSizeClass.ts';
import type { SealedTable } from '../../../shared/vault/SealedStore.ts';
import { setDuressPassphrase } from '../../../shared/vault/setDuressPassphrase.ts';
import { topUpChaff } from '../../../shared/vault/topUpChaff.ts';
import { tryUnlockVault } from '../../../shared/vault/tryUnlockVault.ts';
import { FAST, PASS, recordingThrottle, TEST_FLOOR } from './vaultFixture.ts';

const DURESS = 'thursday tea and biscuits';
const SIGNAL = ['ws://127.0.0.1:9'];
const TARGET = 600;
const CANARIES = ['CANARY-minutes-of-cell-7', 'Kanareyka-sobranie-ulitsa-Lenina'];
const REAL_CELL: DecoyTemplate = {
  cellName: `Samizdat ${CANARIES[0]!}`,
  pseudonym: 'Vera',
  drafts: Array.from({ length: 24 }, (_, i) => ({
    title: `Issue ${i}`,
    text: `${CANARIES[i % 2]!} paragraph ${i}\n`.repeat(1 + (i % 7) * 20),
  })),
  tasks: Array.from({ length: 12 }, (_, i) => `Deliver ${CANARIES[1]!} ${i}`),
};
const TABLES: readonly SealedTable[] = ['secrets', 'cells', 'envelopes', 'snapshots', 'settings'];
const opts = { kdf: argon2idKdf, floor: TEST_FLOOR };

interface Adapter {
  readonly name: string;
  open(tag: string): Promise<{ storage: Storage; raw: () => Promise<Uint8Array[]> }>;
}

let dir: string;
const adapters: Adapter[] = [
  {
    name: 'node file store',
    open: async (tag) => {
      const home = join(dir, tag);
      const storage = await openFileStorage(home);
      return {
        storage,
        raw: async () => [new Uint8Array(await readFile(join(home, 'store.log')))],
      };
    },
  },
  {
    name: 'Dexie on fake-indexeddb',
    open: async (tag) => {
      const storage = await openDexieStorage({
        name: tag,
        indexedDB: new IDBFactory(),
        IDBKeyRange,
      });
      const raw = async () => {
        const out: Uint8Array[] = [];
        for (const t of [...TABLES, 'vault', 'quarantine'] as const)
          for (const row of await storage.list(t))
            out.push(row.bytes, new TextEncoder().encode(row.id));
        return out;
      };
      return { storage, raw };
    },
  },
];

async function topUp(storage: Storage): Promise<void> {
  while ((await topUpChaff(storage, TARGET)) > 0);
}

/** A real cell, then a decoy behind the duress passphrase; the decoy used once. */
async function hiddenProfile(storage: Storage): Promise<void> {
  const real = await createVault(storage, PASS, { ...opts, params: FAST });
  if (!real.ok) throw new Error(real.error);
  const cell = await seedCellFromTemplate(real.value, REAL_CELL, SIGNAL);
  if (!cell.ok) throw new Error(cell.error);
  const decoy = await setDuressPassphrase(real.value, {
    ...opts,
    throttle: recordingThrottle().throttle,
    currentPassphrase: PASS,
    duressPassphrase: DURESS,
    destroyOnUse: false,
  });
  if (!decoy.ok) throw new Error(decoy.error);
  const seeded = await seedDecoyVault(decoy.value, 'reading-club', 'en', SIGNAL);
  if (!seeded.ok) throw new Error(seeded.error);
  decoy.value.lock();
  real.value.lock();
  await topUp(storage);
}

/** Only the decoy, made and used the same way. */
async function decoyOnlyProfile(storage: Storage): Promise<void> {
  const only = await createVault(storage, DURESS, { ...opts, params: FAST });
  if (!only.ok) throw new Error(only.error);
  const seeded = await seedDecoyVault(only.value, 'reading-club', 'en', SIGNAL);
  if (!seeded.ok) throw new Error(seeded.error);
  only.value.lock();
  await topUp(storage);
}

/** What the adversary's script sees with the duress passphrase and the raw store. */
async function observe(storage: Storage) {
  const header = (await storage.get('vault', 'header'))!;
  const opened = await tryUnlockVault(storage, DURESS, opts);
  if (!opened.ok) throw new Error(opened.error);
  const vault = opened.value;
  const perTable: Record<string, number> = {};
  let total = 0;
  let unaccounted = 0;
  let offClass = 0;
  for (const t of TABLES) {
    const rows = await storage.list(t);
    const mine = (await vault.store.scan(t)).length;
    perTable[t] = rows.length;
    total += rows.length;
    unaccounted += rows.length - mine;
    for (const r of rows) if (rowSizeClass(r.bytes.length - 40) !== r.bytes.length - 40) offClass++;
  }
  const stats = vault.store.stats();
  vault.lock();
  return {
    headerLength: header.length,
    headerFixed: Array.from(header.subarray(0, 14)),
    perTable,
    total,
    unaccounted,
    offClass,
    quarantined: stats.quarantined,
    reports: storage.reports().length,
  };
}

function contains(hay: Uint8Array, needle: Uint8Array): boolean {
  return Buffer.from(hay.buffer, hay.byteOffset, hay.byteLength).includes(Buffer.from(needle));
}

beforeAll(async () => {
  await sodiumReady();
  dir = await mkdtemp(join(tmpdir(), 'quire-duress-raw-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe.each(adapters)('$name: hidden vault vs decoy only', (adapter) => {
  it(
    'the duress view of both stores is the same; no canary in either',
    { timeout: 120_000 },
    async () => {
      const a = await adapter.open('hidden');
      const b = await adapter.open('decoy-only');
      await hiddenProfile(a.storage);
      await decoyOnlyProfile(b.storage);
      const seenA = await observe(a.storage);
      const seenB = await observe(b.storage);
      console.log(`${adapter.name}: hidden ${JSON.stringify(seenA)}`);
      console.log(`${adapter.name}: decoy-only ${JSON.stringify(seenB)}`);
      expect(seenA.headerLength).toBe(176);
      expect(seenA.headerLength).toBe(seenB.headerLength);
      expect(seenA.headerFixed).toEqual(seenB.headerFixed);
      // Both stores are filled to the installation's target, whoever holds the rows.
      expect(seenA.total).toBe(TARGET);
      expect(seenB.total).toBe(TARGET);
      // The decoy holds the same rows in both, so it cannot account for the same number of rows.
      expect(seenA.unaccounted).toBe(seenB.unaccounted);
      // Every row, real or chaff, has a size of one of the same classes.
      expect(seenA.offClass).toBe(0);
      expect(seenB.offClass).toBe(0);
      // Opening the decoy reports nothing and moves nothing.
      expect([seenA.quarantined, seenA.reports, seenB.quarantined, seenB.reports]).toEqual([
        0, 0, 0, 0,
      ]);

      for (const profile of [a, b]) {
        const blobs = await profile.raw();
        for (const canary of CANARIES) {
          const bytes = new TextEncoder().encode(canary);
          const forms = [
            bytes,
            new TextEncoder().encode(Buffer.from(bytes).toString('hex')),
            new TextEncoder().encode(Buffer.from(bytes).toString('base64').slice(0, 20)),
            new TextEncoder().encode(Buffer.from(bytes).toString('base64url').slice(0, 20)),
            Buffer.from(canary, 'utf16le'),
          ];
          for (const blob of blobs) for (const f of forms) expect(contains(blob, f)).toBe(false);
        }
      }
      // The real vault is still there behind the real passphrase.
      const real = await tryUnlockVault(a.storage, PASS, opts);
      expect(real.ok).toBe(true);
      await a.storage.close();
      await b.storage.close();
    },
  );
});
