import { IDBKeyRange, IDBObjectStore, indexedDB } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { openDexieStorage, type DexieStorage } from '../../../renderer/storage/DexieStorage.ts';
import { TABLES, type Storage } from '../../../shared/storage/Storage.ts';
import { type ContractHooks, put, runStorageContract, testBytes } from './storageContract.ts';

let counter = 0;
const names = new WeakMap<Storage, string>();

async function openNamed(name: string, hooks?: ContractHooks): Promise<DexieStorage> {
  const s = await openDexieStorage({
    name,
    indexedDB,
    IDBKeyRange,
    ...(hooks?.onWipeStep ? { onWipeStep: hooks.onWipeStep } : {}),
  });
  names.set(s, name);
  return s;
}

const freshName = (): string => `quire-test-${process.pid}-${++counter}`;

runStorageContract(
  'DexieStorage',
  (hooks) => openNamed(freshName(), hooks),
  (closed) => openNamed(names.get(closed)!),
);

/** A plain IndexedDB connection next to Dexie's, to see exactly what is on "disk". */
function rawOpen(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('open failed'));
  });
}

function rawRequest<T>(
  db: IDBDatabase,
  store: string,
  mode: IDBTransactionMode,
  make: (s: IDBObjectStore) => IDBRequest<T>,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(store, mode);
    const req = make(tx.objectStore(store));
    tx.oncomplete = () => resolve(req.result);
    tx.onerror = () => reject(tx.error ?? new Error('transaction failed'));
  });
}

describe('DexieStorage (IndexedDB layout)', () => {
  const open: DexieStorage[] = [];
  afterEach(async () => {
    for (const s of open.splice(0)) await s.close();
  });
  const fresh = async (hooks?: ContractHooks): Promise<{ s: DexieStorage; name: string }> => {
    const name = freshName();
    const s = await openNamed(name, hooks);
    open.push(s);
    return { s, name };
  };

  it('has one store per table keyed by id, with no index, holding only {id, bytes}', async () => {
    const { s, name } = await fresh();
    const backing = testBytes(1, 100);
    await s.write([put('secrets', 'a', backing.subarray(40, 50))]);
    const db = await rawOpen(name);
    try {
      expect([...db.objectStoreNames].sort()).toEqual([...TABLES].sort());
      const tx = db.transaction([...TABLES], 'readonly');
      for (const t of TABLES) {
        const store = tx.objectStore(t);
        expect([store.keyPath, store.autoIncrement, store.indexNames.length]).toEqual([
          'id',
          false,
          0,
        ]);
      }
      const row: unknown = await rawRequest(db, 'secrets', 'readonly', (st) => st.get('a'));
      expect(Object.keys(row as object).sort()).toEqual(['bytes', 'id']);
      const bytes = (row as { bytes: Uint8Array }).bytes;
      expect(bytes).toEqual(backing.slice(40, 50));
      expect(bytes.buffer.byteLength).toBe(10); // no neighbouring bytes persisted
    } finally {
      db.close();
    }
  });

  it('quarantines malformed rows found on read instead of failing', async () => {
    const { s, name } = await fresh();
    await s.write([put('secrets', 'good', testBytes(1, 4))]);
    const db = await rawOpen(name);
    try {
      await rawRequest(db, 'secrets', 'readwrite', (st) => st.put({ id: 'str', bytes: 'text' }));
      await rawRequest(db, 'secrets', 'readwrite', (st) =>
        st.put({ id: 'buf', bytes: new Uint8Array([7, 8]).buffer }),
      );
      await rawRequest(db, 'cells', 'readwrite', (st) => st.put({ id: 'none' }));
    } finally {
      db.close();
    }
    expect(await s.list('secrets')).toEqual([{ id: 'good', bytes: testBytes(1, 4) }]);
    expect(await s.get('cells', 'none')).toBeUndefined();
    expect(s.stats().malformedOnRead).toBe(3);
    expect(await s.keys('secrets')).toEqual(['good']);
    expect(await s.list('quarantine')).toEqual([
      { id: 'cells/none', bytes: new Uint8Array(0) },
      { id: 'secrets/buf', bytes: new Uint8Array([7, 8]) },
      { id: 'secrets/str', bytes: new Uint8Array(0) },
    ]);
  });

  it('keeps quarantine reasons in memory only', async () => {
    const { s, name } = await fresh();
    await s.write([put('cells', 'c', testBytes(2, 8))]);
    await s.quarantine('cells', 'c', 'open_failed');
    expect(s.stats().notes).toMatchObject([{ table: 'cells', id: 'c', reason: 'open_failed' }]);
    const db = await rawOpen(name);
    try {
      const row: unknown = await rawRequest(db, 'quarantine', 'readonly', (st) =>
        st.get('cells/c'),
      );
      expect(row).toEqual({ id: 'cells/c', bytes: testBytes(2, 8) });
    } finally {
      db.close();
    }
  });

  it('rolls a batch back when IndexedDB fails in the middle of it', async () => {
    const { s } = await fresh();
    await s.write([put('cells', 'before', testBytes(1, 4))]);
    // Fault injection: the store refuses one specific row after others were already put.
    const proto = IDBObjectStore.prototype;
    const original = Object.getOwnPropertyDescriptor(proto, 'put')!;
    const realPut = original.value as IDBObjectStore['put'];
    Object.defineProperty(proto, 'put', {
      ...original,
      value: function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
        if ((value as { id?: unknown }).id === 'explode') {
          throw new DOMException('injected', 'DataError');
        }
        return realPut.call(this, value, key);
      },
    });
    try {
      const batch = [
        put('secrets', 'a', testBytes(2, 4)),
        put('cells', 'b', testBytes(3, 4)),
        put('secrets', 'explode', testBytes(4, 4)),
      ];
      await expect(s.write(batch)).rejects.toMatchObject({ code: 'io' });
    } finally {
      Object.defineProperty(proto, 'put', original);
    }
    expect(await s.keys('secrets')).toEqual([]);
    expect(await s.keys('cells')).toEqual(['before']);
  });

  it('commits the vault erase before deleting the database', async () => {
    const observed: { vault: number; secrets: number }[] = [];
    let name = '';
    const { s, name: n } = await fresh({
      onWipeStep: async () => {
        const db = await rawOpen(name); // an independent connection sees only committed data
        try {
          observed.push({
            vault: await rawRequest(db, 'vault', 'readonly', (st) => st.count()),
            secrets: await rawRequest(db, 'secrets', 'readonly', (st) => st.count()),
          });
        } finally {
          db.close();
        }
      },
    });
    name = n;
    await s.write([
      put('vault', 'header', testBytes(1, 80)),
      put('secrets', 'k', testBytes(2, 80)),
    ]);
    await s.wipe();
    expect(observed).toEqual([{ vault: 0, secrets: 1 }]);
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(name);
  });
});
