import { fromBase64, toBase64 } from 'lib0/buffer';
import { z } from 'zod';
import { MemorySyncStore } from '../shared/sync/MemorySyncStore.ts';
import type { SyncStore } from '../shared/sync/SyncStore.ts';
import { BEACON_GENERATION, scopeKey } from '../shared/sync/WireScope.ts';

/** One engine store as JSON (base64 bytes): handed to a child process or a browser page. */
export const storeSnapshotSchema = z.object({
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
      snapshots: z
        .array(
          z.object({
            envId: z.string(),
            author: z.string(),
            seq: z.number(),
            covered: z.record(z.string(), z.number()),
          }),
        )
        .optional(),
    }),
  ),
  scopes: z.record(z.string(), z.array(z.object({ envId: z.string(), bytes: z.string() }))),
});

export type StoreSnapshot = z.infer<typeof storeSnapshotSchema>;

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

export async function toSnapshot(store: SyncStore): Promise<StoreSnapshot> {
  const local = await store.loadLocal();
  if (!local) throw new Error('store has no local state');
  const out: StoreSnapshot = {
    local: { seqs: { ...local.seqs }, sessions: { ...local.sessions }, scopes: [...local.scopes] },
    checkpoints: Array.from(await store.loadCheckpoints(), ([docHex, cp]) => ({
      docHex,
      state: toBase64(cp.state),
      applied: { ...cp.applied },
      sessions: Object.fromEntries(Object.entries(cp.sessions).map(([k, v]) => [k, [...v]])),
      ...(cp.snapshots ? { snapshots: cp.snapshots.map((h) => ({ ...h })) } : {}),
    })),
    scopes: {},
  };
  for (const scope of await scopesOf(store)) {
    const entries = await store.loadEnvelopes(scope);
    out.scopes[scope] = entries.map((e) => ({ envId: e.envId, bytes: toBase64(e.bytes) }));
  }
  return out;
}

export async function fromSnapshot(raw: unknown): Promise<MemorySyncStore> {
  const parsed = storeSnapshotSchema.parse(raw);
  const store = new MemorySyncStore();
  for (const [scope, entries] of Object.entries(parsed.scopes)) {
    const list = entries.map((e) => ({ envId: e.envId, bytes: fromBase64(e.bytes) }));
    if (list.length > 0) await store.saveEnvelopes(scope, list);
  }
  for (const cp of parsed.checkpoints) {
    await store.saveCheckpoint(cp.docHex, {
      state: fromBase64(cp.state),
      applied: cp.applied,
      sessions: cp.sessions,
      ...(cp.snapshots ? { snapshots: cp.snapshots } : {}),
    });
  }
  await store.saveLocal(parsed.local);
  return store;
}
