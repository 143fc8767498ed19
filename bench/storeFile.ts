import { readFile, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { MemorySyncStore } from '../shared/sync/MemorySyncStore.ts';
import type { SyncStore } from '../shared/sync/SyncStore.ts';
import { BEACON_GENERATION, scopeKey } from '../shared/sync/WireScope.ts';

const b64 = (b: Uint8Array): string => Buffer.from(b).toString('base64');
const fromB64 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'base64'));

const fileSchema = z.object({
  local: z.object({
    seqs: z.record(z.string(), z.number()),
    sessions: z.record(z.string(), z.number()),
    scopes: z.array(z.string()),
  }),
  checkpoints: z.array(
    z.object({
      docHex: z.string(),
      state: z.string(),
      applied: z.record(z.string(), z.number()),
      sessions: z.record(z.string(), z.array(z.number())),
    }),
  ),
  scopes: z.record(z.string(), z.array(z.object({ envId: z.string(), bytes: z.string() }))),
});

type StoreFile = z.infer<typeof fileSchema>;

/** Every scope a store of epoch 0 may hold: its followed generations and the beacon. */
async function scopesOf(store: SyncStore): Promise<string[]> {
  const local = await store.loadLocal();
  return [...(local?.scopes ?? []), scopeKey(0, BEACON_GENERATION)];
}

/** Copies one engine store into another (the replayed document into Dexie, into a child). */
export async function copyStore(from: SyncStore, to: SyncStore): Promise<void> {
  const local = await from.loadLocal();
  for (const scope of await scopesOf(from)) {
    const entries = await from.loadEnvelopes(scope);
    if (entries.length > 0) await to.saveEnvelopes(scope, entries);
  }
  for (const [docHex, cp] of await from.loadCheckpoints()) await to.saveCheckpoint(docHex, cp);
  if (local) await to.saveLocal(local);
}

/** Writes a store to a JSON file (a host process of the cold-join scenario loads it). */
export async function saveStoreFile(store: SyncStore, path: string): Promise<void> {
  const local = await store.loadLocal();
  if (!local) throw new Error('store has no local state');
  const out: StoreFile = {
    local: { seqs: { ...local.seqs }, sessions: { ...local.sessions }, scopes: [...local.scopes] },
    checkpoints: Array.from(await store.loadCheckpoints(), ([docHex, cp]) => ({
      docHex,
      state: b64(cp.state),
      applied: { ...cp.applied },
      sessions: Object.fromEntries(Object.entries(cp.sessions).map(([k, v]) => [k, [...v]])),
    })),
    scopes: {},
  };
  for (const scope of await scopesOf(store)) {
    const entries = await store.loadEnvelopes(scope);
    out.scopes[scope] = entries.map((e) => ({ envId: e.envId, bytes: b64(e.bytes) }));
  }
  await writeFile(path, JSON.stringify(out));
}

export async function loadStoreFile(path: string): Promise<MemorySyncStore> {
  const parsed = fileSchema.parse(JSON.parse(await readFile(path, 'utf8')));
  const store = new MemorySyncStore();
  for (const [scope, entries] of Object.entries(parsed.scopes)) {
    const list = entries.map((e) => ({ envId: e.envId, bytes: fromB64(e.bytes) }));
    if (list.length > 0) await store.saveEnvelopes(scope, list);
  }
  for (const cp of parsed.checkpoints) {
    await store.saveCheckpoint(cp.docHex, {
      state: fromB64(cp.state),
      applied: cp.applied,
      sessions: cp.sessions,
    });
  }
  await store.saveLocal(parsed.local);
  return store;
}
