import { IDBKeyRange, IDBObjectStore, indexedDB } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { openDexieStorage, type DexieStorage } from '../../../renderer/storage/DexieStorage.ts';
import type { StorageReport } from '../../../shared/storage/StorageReport.ts';
import { argon2idKdf } from '../../../shared/vault/argon2idKdf.ts';
import { NO_CHAFF } from '../../../shared/vault/writeChaff.ts';
import { createVault } from '../../../shared/vault/createVault.ts';
import { FAST, PASS, TEST_FLOOR } from '../vault/vaultFixture.ts';
import { put, testBytes } from './storageContract.ts';

/**
 * Faults at rest in the IndexedDB store (issue 14, item 9): a quota error must come back as a
 * typed "full" failure and a report the app shows; a row that no longer opens is quarantined by
 * SealedStore, and that too must reach the app as a report. The old adapter answered a quota
 * error with a generic 'io' and reported nothing.
 */
let counter = 0;
const freshName = (): string => `quire-faults-${process.pid}-${++counter}`;

/** Runs `fn` while every object-store put fails the way a browser over its quota fails. */
async function withQuotaExceeded<T>(fn: () => Promise<T>): Promise<T> {
  const proto = IDBObjectStore.prototype;
  const original = Object.getOwnPropertyDescriptor(proto, 'put')!;
  Object.defineProperty(proto, 'put', {
    ...original,
    value: () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    },
  });
  try {
    return await fn();
  } finally {
    Object.defineProperty(proto, 'put', original);
  }
}

function rawPut(name: string, table: string, value: unknown): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name);
    req.onerror = () => reject(req.error ?? new Error('open failed'));
    req.onsuccess = () => {
      const db = req.result;
      const tx = db.transaction(table, 'readwrite');
      tx.objectStore(table).put(value);
      tx.oncomplete = () => {
        db.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error ?? new Error('put failed'));
    };
  });
}

describe('DexieStorage faults', () => {
  const open: DexieStorage[] = [];
  afterEach(async () => {
    for (const s of open.splice(0)) await s.close();
  });
  const fresh = async (name = freshName()): Promise<DexieStorage> => {
    const s = await openDexieStorage({ name, indexedDB, IDBKeyRange });
    open.push(s);
    return s;
  };

  it('a quota error rejects the write as "full", applies nothing and is reported', async () => {
    const s = await fresh();
    const heard: StorageReport[] = [];
    s.onReport((r) => heard.push(r));
    await s.write([put('cells', 'before', testBytes(1, 8))]);
    await withQuotaExceeded(async () => {
      await expect(s.write([put('cells', 'after', testBytes(2, 8))])).rejects.toMatchObject({
        code: 'full',
      });
    });
    expect(await s.keys('cells')).toEqual(['before']);
    expect(s.reports()).toEqual([{ kind: 'write-failed', code: 'full' }]);
    expect(heard).toEqual(s.reports());
    await s.write([put('cells', 'after', testBytes(2, 8))]); // space again: writes go through
    expect(await s.keys('cells')).toEqual(['after', 'before']);
  });

  it('a row that no longer opens is quarantined by the vault and reported to the app', async () => {
    const name = freshName();
    const s = await fresh(name);
    const created = await createVault(s, PASS, {
      kdf: argon2idKdf,
      params: FAST,
      floor: TEST_FLOOR,
      chaff: NO_CHAFF,
    });
    if (!created.ok) throw new Error(created.error);
    const store = created.value.store;
    await store.put('settings', 'prefs', testBytes(3, 40));
    const [rowId] = await s.keys('settings');
    const sealed = await s.get('settings', rowId!);
    const corrupt = sealed!.slice();
    corrupt[30] = corrupt[30]! ^ 0x01;
    await rawPut(name, 'settings', { id: rowId, bytes: corrupt });
    const heard: StorageReport[] = [];
    s.onReport((r) => heard.push(r));

    expect(await store.get('settings', 'prefs')).toBeUndefined();
    expect(await s.get('quarantine', `settings/${rowId}`)).toEqual(corrupt);
    expect(s.reports()).toEqual([{ kind: 'row-quarantined', table: 'settings' }]);
    expect(heard).toEqual(s.reports());
  });
});
