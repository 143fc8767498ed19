/** What a sync peer (syncPeer.ts) reports: stored envelope bytes, its wire record, counters. */
import { BEACON_GENERATION, scopeKey } from '../../../shared/sync/WireScope.ts';
import type { PeerCell } from './peerCell.ts';
import type { WireRecord } from './recordingTransport.ts';

/** Envelope bytes in the store, per scope: every generation up to the current one and the beacon. */
export async function storedBytes(cell: PeerCell): Promise<Record<string, unknown>> {
  const { sync, store, storage } = cell;
  const { epoch, generation } = sync.status();
  const scopes: Record<string, { entries: number; bytes: number }> = {};
  let total = 0;
  for (let e = 0; e <= epoch; e++) {
    const keys = Array.from({ length: generation + 2 }, (_, g) => scopeKey(e, g));
    for (const key of [...keys, scopeKey(e, BEACON_GENERATION)]) {
      const entries = await store.loadEnvelopes(key);
      const bytes = entries.reduce((n, x) => n + x.bytes.length, 0);
      if (entries.length > 0) scopes[key] = { entries: entries.length, bytes };
      total += bytes;
    }
  }
  return { total, scopes, file: storage?.stats().liveBytes };
}

const b64 = (b: Uint8Array): string => Buffer.from(b).toString('base64');

/** Every wire-doc entry and Yjs update the peer's engine saw, base64 (see recordingTransport). */
export function wireRecordReply(wire: WireRecord | undefined): Record<string, unknown> {
  if (!wire) throw new Error('not joined');
  return {
    rooms: wire.rooms,
    entries: Array.from(wire.entries, ([key, value]) => ({
      key,
      value: value instanceof Uint8Array ? b64(value) : null,
      type: value instanceof Uint8Array ? 'bytes' : typeof value,
    })),
    updates: wire.updates.map(b64),
  };
}

/** Counters without their zeros, so a failure dump shows what happened. */
export function nonZero(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const kept = nonZero(v);
    const empty = typeof kept === 'object' && kept !== null && Object.keys(kept).length === 0;
    if (kept !== 0 && !empty) out[k] = kept;
  }
  return out;
}
