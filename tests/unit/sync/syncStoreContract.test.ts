import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openDexieStorage } from '../../../renderer/storage/DexieStorage.ts';
import { sodiumReady } from '../../../shared/crypto/sodium.ts';
import { randomBytes } from '../../../shared/crypto/randomBytes.ts';
import { toHex } from '../../../shared/crypto/bytes.ts';
import { MemorySyncStore } from '../../../shared/sync/MemorySyncStore.ts';
import { SealedSyncStore } from '../../../shared/sync/SealedSyncStore.ts';
import type { SyncStore } from '../../../shared/sync/SyncStore.ts';
import { createVault } from '../../../shared/vault/createVault.ts';
import { argon2idKdf } from '../../../shared/vault/argon2idKdf.ts';
import { FAST, TEST_FLOOR } from '../vault/vaultFixture.ts';

async function sealedOverDexie(): Promise<{ store: SyncStore; other: SyncStore }> {
  await sodiumReady();
  const storage = await openDexieStorage({
    name: `sync-${toHex(randomBytes(8))}`,
    indexedDB,
    IDBKeyRange,
  });
  const created = await createVault(storage, 'a passphrase for tests', {
    kdf: argon2idKdf,
    params: FAST,
    floor: TEST_FLOOR,
  });
  if (!created.ok) throw new Error(created.error);
  return {
    store: new SealedSyncStore(created.value.store, 'aa'.repeat(16)),
    other: new SealedSyncStore(created.value.store, 'bb'.repeat(16)),
  };
}

const adapters: Array<[string, () => Promise<{ store: SyncStore; other?: SyncStore }>]> = [
  ['MemorySyncStore', () => Promise.resolve({ store: new MemorySyncStore() })],
  ['SealedSyncStore over Dexie (fake-indexeddb)', sealedOverDexie],
];

describe.each(adapters)('SyncStore contract: %s', (_name, make) => {
  it('stores envelopes per scope and drops a scope', async () => {
    const { store } = await make();
    const e1 = { envId: 'a'.repeat(32), bytes: randomBytes(300) };
    const e2 = { envId: 'b'.repeat(32), bytes: randomBytes(5000) };
    await store.saveEnvelopes('0:0', [e1]);
    await store.saveEnvelopes('0:1', [e2]);
    expect(await store.loadEnvelopes('0:0')).toEqual([e1]);
    expect(await store.loadEnvelopes('0:1')).toEqual([e2]);
    await store.dropScope('0:0');
    expect(await store.loadEnvelopes('0:0')).toEqual([]);
    expect(await store.loadEnvelopes('0:1')).toEqual([e2]);
  });

  it('saves the local state atomically with envelopes, and alone', async () => {
    const { store } = await make();
    expect(await store.loadLocal()).toBeUndefined();
    const local = { seqs: { 'ab:1': 3 }, sessions: { ab: 2 }, scopes: ['0:0', '0:1'] };
    await store.saveEnvelopes('0:1', [{ envId: 'c'.repeat(32), bytes: randomBytes(10) }], local);
    expect(await store.loadLocal()).toEqual(local);
    const next = { ...local, scopes: ['0:1'], heads: { 'ab:1': 'ef'.repeat(16) } };
    await store.saveLocal(next);
    // The last signed digest per document and kind: the writer's hash chain survives a restart.
    expect(await store.loadLocal()).toEqual(next);
  });

  it('keeps document checkpoints', async () => {
    const { store } = await make();
    const cp = { state: randomBytes(1000), applied: { ab: 4 }, sessions: { ab: [1, 2] } };
    await store.saveCheckpoint('cd'.repeat(16), cp);
    const all = await store.loadCheckpoints();
    expect(all.get('cd'.repeat(16))).toEqual(cp);
  });

  it('keeps the evidence a checkpoint records (what snapshots are judged against)', async () => {
    const { store } = await make();
    const evidence = {
      verified: { ab: 4 },
      known: { ab: 6 },
      knownEpochs: { ab: 2 },
      ends: { [String(2 ** 53 - 1)]: 17, '42': 3 },
    };
    const cp = { state: randomBytes(100), applied: { ab: 4 }, sessions: { ab: [7] }, evidence };
    await store.saveCheckpoint('cd'.repeat(16), cp);
    expect((await store.loadCheckpoints()).get('cd'.repeat(16))).toEqual(cp);
  });

  it('loads a whole cell at once: local state, checkpoints, entries per scope', async () => {
    const { store, other } = await make();
    const local = { seqs: { 'ab:1': 1 }, sessions: { ab: 1 }, scopes: ['0:0', '0:1'] };
    const e1 = { envId: 'a'.repeat(32), bytes: randomBytes(40) };
    const e2 = { envId: 'b'.repeat(32), bytes: randomBytes(50) };
    const e3 = { envId: 'c'.repeat(32), bytes: randomBytes(60) };
    await store.saveEnvelopes('0:0', [e1, e2], local);
    await store.saveEnvelopes('0:1', [e3]);
    const cp = {
      state: randomBytes(100),
      applied: { ab: 1 },
      sessions: { ab: [1] },
      snapshots: [{ envId: 'd'.repeat(32), author: 'ab', seq: 2, covered: { ab: 1 } }],
    };
    await store.saveCheckpoint('cd'.repeat(16), cp);
    await other?.saveEnvelopes('0:0', [{ envId: 'e'.repeat(32), bytes: randomBytes(10) }]);
    const cell = await store.loadCell();
    expect(cell.local).toEqual(local);
    expect(cell.checkpoints).toEqual(new Map([['cd'.repeat(16), cp]]));
    const byId = (a: { envId: string }, b: { envId: string }) => a.envId.localeCompare(b.envId);
    expect(cell.envelopes.get('0:0')?.sort(byId)).toEqual([e1, e2]);
    expect(cell.envelopes.get('0:1')).toEqual([e3]);
    expect(cell.envelopes.size).toBe(2);
  });

  it('keeps cells apart when they share a vault', async () => {
    const { store, other } = await make();
    if (!other) return;
    await store.saveEnvelopes('0:0', [{ envId: 'd'.repeat(32), bytes: randomBytes(10) }]);
    expect(await other.loadEnvelopes('0:0')).toEqual([]);
  });
});
