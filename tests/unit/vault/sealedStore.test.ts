import { beforeAll, describe, expect, it } from 'vitest';
import { utf8 } from '../../../shared/crypto/bytes.ts';
import { sodiumReady } from '../../../shared/crypto/sodium.ts';
import { deriveRowId } from '../../../shared/vault/deriveRowId.ts';
import { DIRECTORY_BUCKET_BYTES } from '../../../shared/vault/SealedStore.ts';
import { vaultKeysOf } from '../../../shared/vault/Vault.ts';
import { VaultLockedError } from '../../../shared/vault/VaultLockedError.ts';
import { fastVault } from './vaultFixture.ts';

beforeAll(async () => {
  await sodiumReady();
});

const bytesContain = (hay: Uint8Array, needle: Uint8Array): boolean => {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
};

describe('SealedStore', () => {
  it('round-trips put/get/scan/delete, with filter, putMany and deleteMany', async () => {
    const { vault } = await fastVault();
    const s = vault.store;
    await s.put('cells', 'cell-a', utf8('Samizdat Weekly'));
    await s.putMany([
      { table: 'cells', key: 'cell-b', value: utf8('B') },
      { table: 'snapshots', key: 'cell-a/doc1', value: new Uint8Array([1, 2, 3]) },
      { table: 'snapshots', key: 'cell-b/doc1', value: new Uint8Array(0) },
    ]);
    expect(await s.get('cells', 'cell-a')).toEqual(utf8('Samizdat Weekly'));
    expect(await s.get('cells', 'missing')).toBeUndefined();
    expect(await s.get('snapshots', 'cell-b/doc1')).toEqual(new Uint8Array(0));
    const all = await s.scan('cells');
    expect(all.map((e) => e.key).sort()).toEqual(['cell-a', 'cell-b']);
    const onlyA = await s.scan('snapshots', (k) => k.startsWith('cell-a/'));
    expect(onlyA).toEqual([{ key: 'cell-a/doc1', value: new Uint8Array([1, 2, 3]) }]);
    await s.delete('cells', 'cell-a');
    expect(await s.get('cells', 'cell-a')).toBeUndefined();
    await s.deleteMany([
      { table: 'cells', key: 'cell-b' },
      { table: 'snapshots', key: 'cell-a/doc1' },
    ]);
    expect(await s.scan('cells')).toEqual([]);
    expect((await s.scan('snapshots')).map((e) => e.key)).toEqual(['cell-b/doc1']);
    expect(s.stats().quarantined).toBe(0);
  });

  it('putMany is one atomic storage write; a bad item aborts before anything is written', async () => {
    const { storage, vault } = await fastVault();
    await vault.store.putMany([
      { table: 'cells', key: 'a', value: utf8('1') },
      { table: 'cells', key: 'b', value: utf8('2') },
    ]);
    expect(storage.calls).toHaveLength(1);
    storage.calls.length = 0;
    await expect(
      vault.store.putMany([
        { table: 'cells', key: 'c', value: utf8('3') },
        { table: 'cells', key: 'x'.repeat(2000), value: utf8('too long key') },
      ]),
    ).rejects.toThrow(RangeError);
    expect(storage.calls).toHaveLength(0);
    expect(await vault.store.get('cells', 'c')).toBeUndefined();
  });

  it('stores neither the key nor the value in clear; ids are opaque, unrelated hex', async () => {
    const { storage, vault } = await fastVault();
    await vault.store.put('cells', 'cell-secret-name', utf8('Kyiv printing group'));
    await vault.store.put('cells', 'cell-secret-name2', utf8('x'));
    const rows = [...storage.raw('cells')];
    expect(rows).toHaveLength(2);
    for (const [id, bytes] of rows) {
      expect(id).toMatch(/^[0-9a-f]{64}$/);
      expect(bytesContain(bytes, utf8('Kyiv'))).toBe(false);
      expect(bytesContain(bytes, utf8('cell-secret'))).toBe(false);
    }
    const [a, b] = rows.map(([id]) => id);
    expect(a!.slice(0, 8)).not.toBe(b!.slice(0, 8)); // similar keys do not give similar ids
  });

  it('a tampered row is quarantined by get; scan skips it like chaff and leaves it in place', async () => {
    const { storage, vault } = await fastVault();
    await vault.store.put('secrets', 'one', utf8('1'));
    await vault.store.put('secrets', 'two', utf8('2'));
    const idKey = vaultKeysOf(vault).idKey();
    const id1 = deriveRowId(idKey, 'secrets', 'one');
    const id2 = deriveRowId(idKey, 'secrets', 'two');
    const t1 = storage.raw('secrets').get(id1)!.slice();
    const b2 = storage.raw('secrets').get(id2)!;
    t1[30] = (t1[30] ?? 0) ^ 1;
    storage.raw('secrets').set(id1, t1);
    storage.raw('secrets').set(id2, b2.subarray(0, 20)); // truncated
    storage.calls.length = 0;

    // A scan cannot tell our damaged row from chaff or another vault's row: skipped, untouched.
    expect(await vault.store.scan('secrets')).toEqual([]);
    expect(vault.store.stats()).toEqual({ quarantined: 0, unaccounted: 2 });
    expect(storage.calls).toEqual([]);
    expect(storage.raw('secrets').size).toBe(2);
    // Read by its own id, it is ours: quarantined, counted, not returned.
    expect(await vault.store.get('secrets', 'one')).toBeUndefined();
    expect(await vault.store.get('secrets', 'two')).toBeUndefined();
    expect(vault.store.stats().quarantined).toBe(2);
    expect(storage.calls.filter((c) => c.kind === 'quarantine')).toHaveLength(2);
    expect(storage.raw('secrets').size).toBe(0);
    expect(storage.raw('quarantine').get(`secrets/${id1}`)).toEqual(t1);
    // re-put, tamper again, read through get
    await vault.store.put('secrets', 'one', utf8('1'));
    const t = storage.raw('secrets').get(id1)!.slice();
    t[t.length - 1] = (t[t.length - 1] ?? 0) ^ 0x80;
    storage.raw('secrets').set(id1, t);
    expect(await vault.store.get('secrets', 'one')).toBeUndefined();
    expect(vault.store.stats().quarantined).toBe(3);
  });

  it('AD binds a row to its id and table: copied bytes do not open elsewhere', async () => {
    const { storage, vault } = await fastVault();
    const idKey = vaultKeysOf(vault).idKey();
    await vault.store.put('settings', 'a', utf8('value-a'));
    await vault.store.put('settings', 'b', utf8('value-b'));
    const idA = deriveRowId(idKey, 'settings', 'a');
    const idB = deriveRowId(idKey, 'settings', 'b');
    const bytesA = storage.raw('settings').get(idA)!;
    expect(bytesA).toBeDefined();
    // a's sealed bytes under b's id: must read as neither b nor a.
    storage.raw('settings').set(idB, bytesA);
    storage.calls.length = 0;
    expect(await vault.store.get('settings', 'b')).toBeUndefined();
    expect(vault.store.stats().quarantined).toBe(1);
    // Refused by the AEAD itself (AD = table || id), before the inner key check is reached.
    expect(storage.calls).toEqual([
      { kind: 'quarantine', table: 'settings', id: idB, reason: 'open_failed' },
    ]);
    expect(await vault.store.get('settings', 'a')).toEqual(utf8('value-a'));
    // The same bytes and id in another table: not ours there, skipped like chaff.
    storage.raw('cells').set(idA, bytesA);
    storage.calls.length = 0;
    expect(await vault.store.scan('cells')).toEqual([]);
    expect(vault.store.stats()).toEqual({ quarantined: 1, unaccounted: 1 });
    expect(storage.calls).toEqual([]);
  });

  it('a directory is one row padded to a 4 KiB step, whatever the number of entries', async () => {
    const { storage, vault } = await fastVault();
    const sizes: number[] = [];
    for (const n of [1, 5, 40]) {
      await vault.store.putDirectory('keyring', new Uint8Array(n * 50).fill(n));
      expect(storage.raw('secrets').size).toBe(1);
      sizes.push([...storage.raw('secrets').values()][0]!.length);
      expect(await vault.store.getDirectory('keyring')).toEqual(new Uint8Array(n * 50).fill(n));
    }
    expect(sizes[0]).toBe(sizes[1]); // 50 and 250 bytes: same bucket
    expect(sizes[0]! - 40).toBe(DIRECTORY_BUCKET_BYTES); // nonce 24 + tag 16
    expect(sizes[2]).toBe(DIRECTORY_BUCKET_BYTES + 40); // 2000 bytes: still the first bucket
    await vault.store.putDirectory('keyring', new Uint8Array(5000));
    expect([...storage.raw('secrets').values()][0]!.length).toBe(2 * DIRECTORY_BUCKET_BYTES + 40);
  });

  it('a locked store refuses every call with a typed locked error', async () => {
    const { storage, vault } = await fastVault();
    await vault.store.put('cells', 'a', utf8('1'));
    vault.lock();
    storage.calls.length = 0;
    const s = vault.store;
    const calls: (() => Promise<unknown>)[] = [
      () => s.get('cells', 'a'),
      () => s.scan('cells'),
      () => s.put('cells', 'b', utf8('2')),
      () => s.putMany([{ table: 'cells', key: 'c', value: utf8('3') }]),
      () => s.delete('cells', 'a'),
      () => s.deleteMany([{ table: 'cells', key: 'a' }]),
      () => s.putDirectory('keyring', utf8('x')),
      () => s.getDirectory('keyring'),
    ];
    for (const call of calls) {
      const e: unknown = await call().then(
        () => 'resolved',
        (x: unknown) => x,
      );
      expect(e).toBeInstanceOf(VaultLockedError);
      expect((e as VaultLockedError).code).toBe('locked');
    }
    expect(storage.calls).toHaveLength(0);
  });

  it('a lock during a pending scan rejects it without quarantining good rows', async () => {
    const { storage, vault } = await fastVault();
    await vault.store.put('cells', 'a', utf8('1'));
    let release!: () => void;
    storage.listGate = new Promise<void>((r) => (release = r));
    const pending = vault.store.scan('cells');
    vault.lock();
    release();
    await expect(pending).rejects.toBeInstanceOf(VaultLockedError);
    expect(vault.store.stats().quarantined).toBe(0);
    expect(storage.raw('cells').size).toBe(1);
  });

  it('lock zeroes the key material in place', async () => {
    const { vault } = await fastVault();
    const keys = vaultKeysOf(vault);
    const vdk = keys.vdk();
    const idKey = keys.idKey();
    expect(vdk.some((b) => b !== 0)).toBe(true);
    vault.lock();
    expect(vdk.every((b) => b === 0)).toBe(true);
    expect(idKey.every((b) => b === 0)).toBe(true);
    expect(() => keys.vdk()).toThrow(VaultLockedError);
  });
});
