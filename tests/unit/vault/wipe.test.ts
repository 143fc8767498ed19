import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeAll, describe, expect, it } from 'vitest';
import { NO_CHAFF } from '../../../shared/vault/writeChaff.ts';
import { openDexieStorage } from '../../../renderer/storage/DexieStorage.ts';
import { utf8 } from '../../../shared/crypto/bytes.ts';
import { randomBytes } from '../../../shared/crypto/randomBytes.ts';
import { sodiumReady } from '../../../shared/crypto/sodium.ts';
import { TABLES } from '../../../shared/storage/Storage.ts';
import { argon2idKdf } from '../../../shared/vault/argon2idKdf.ts';
import { createVault } from '../../../shared/vault/createVault.ts';
import { tryUnlockVault } from '../../../shared/vault/tryUnlockVault.ts';
import { wipeVault } from '../../../shared/vault/wipeVault.ts';
import { FAST, fastVault, PASS, TEST_FLOOR } from './vaultFixture.ts';

beforeAll(async () => {
  await sodiumReady();
});

describe('wipeVault', () => {
  it('destroys the header first: random overwrite of the same length, then delete, then wipe', async () => {
    const { storage, vault, header } = await fastVault();
    await vault.store.put('cells', 'c', utf8('x'));
    storage.calls.length = 0;
    const report = await wipeVault(storage, vault);
    expect(report).toEqual({ headerDestroyed: true, wiped: true });
    expect(vault.locked).toBe(true);
    expect(storage.calls.map((c) => c.kind)).toEqual(['write', 'write', 'wipe']);
    const [overwrite, del] = storage.calls;
    if (overwrite?.kind !== 'write' || del?.kind !== 'write') throw new Error('unexpected calls');
    expect(overwrite.ops).toHaveLength(1);
    const op = overwrite.ops[0]!;
    expect(op).toMatchObject({ op: 'put', table: 'vault', id: 'header' });
    if (op.op !== 'put') return;
    expect(op.bytes.length).toBe(header.length);
    expect(op.bytes).not.toEqual(header);
    expect(del.ops).toEqual([{ op: 'delete', table: 'vault', id: 'header' }]);
    expect(storage.rowCount()).toBe(0);
  });

  it('still deletes the header and wipes when the overwrite fails', async () => {
    const { storage } = await fastVault();
    storage.failNextWrite = true;
    const report = await wipeVault(storage);
    expect(report).toEqual({ headerDestroyed: true, wiped: true });
    expect(storage.raw('vault').size).toBe(0);
  });

  it('wipes a populated IndexedDB store (5k rows, fake-indexeddb) and nothing opens afterwards', async () => {
    const factory = new IDBFactory();
    const open = () => openDexieStorage({ name: 'quire', indexedDB: factory, IDBKeyRange });
    const storage = await open();
    const created = await createVault(storage, PASS, {
      kdf: argon2idKdf,
      params: FAST,
      floor: TEST_FLOOR,
      chaff: NO_CHAFF,
    });
    if (!created.ok) throw new Error(created.error);
    const vault = created.value;
    const tables = ['secrets', 'cells', 'envelopes', 'snapshots', 'settings'] as const;
    for (let batch = 0; batch < 10; batch++) {
      await vault.store.putMany(
        Array.from({ length: 500 }, (_, i) => ({
          table: tables[i % tables.length]!,
          key: `k${batch}/${i}`,
          value: randomBytes(200),
        })),
      );
    }
    let rows = 0;
    for (const t of TABLES) rows += (await storage.keys(t)).length;
    expect(rows).toBe(5001);

    const t0 = performance.now();
    const report = await wipeVault(storage, vault);
    const ms = performance.now() - t0;
    console.log(`wipeVault: ${rows} rows (fake-indexeddb) wiped in ${ms.toFixed(0)} ms`);
    expect(report).toEqual({ headerDestroyed: true, wiped: true });

    const after = await open();
    for (const t of TABLES) expect(await after.keys(t)).toEqual([]);
    const res = await tryUnlockVault(after, PASS, { kdf: argon2idKdf, floor: TEST_FLOOR });
    expect(res.ok ? 'opened' : res.error).toBe('no_vault');
    await after.close();
  });
});
