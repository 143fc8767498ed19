import * as Y from 'yjs';
import {
  ENVELOPE_FIXED_PLAINTEXT_BYTES,
  ENVELOPE_OVERHEAD_BYTES,
} from '../shared/envelope/envelopeFormat.ts';
import { padmeLength } from '../shared/envelope/padmeLength.ts';
import { sealedEnvelopeLength } from '../shared/envelope/sealedEnvelopeLength.ts';

/** A batching policy, as UpdateBatcher takes it, plus whether envelopes keep the 256-byte floor. */
export interface BatchPolicy {
  readonly name: string;
  readonly idleMs: number;
  readonly maxWindowMs: number;
  readonly maxUpdates: number;
  readonly maxBytes: number;
  readonly paddingFloor: boolean;
}

const base = { maxUpdates: 400, maxBytes: 64 * 1024, paddingFloor: true };

/** The app's policy and the alternatives docs/BENCHMARKS.md discusses. */
export const POLICIES: readonly BatchPolicy[] = [
  { ...base, name: 'app_120ms_300ms', idleMs: 120, maxWindowMs: 300 },
  { ...base, name: 'app_no_floor', idleMs: 120, maxWindowMs: 300, paddingFloor: false },
  { ...base, name: 'idle1s_max5s', idleMs: 1000, maxWindowMs: 5000 },
  { ...base, name: 'idle2s_max10s', idleMs: 2000, maxWindowMs: 10_000 },
  { ...base, name: 'idle5s_max30s', idleMs: 5000, maxWindowMs: 30_000 },
  {
    ...base,
    name: 'idle5s_max30s_no_floor',
    idleMs: 5000,
    maxWindowMs: 30_000,
    paddingFloor: false,
  },
];

const varUintBytes = (n: number): number => (n < 128 ? 1 : n < 16384 ? 2 : n < 2097152 ? 3 : 4);

/** Bytes a wire-doc map entry adds to a Yjs update besides the sealed value (key, struct header). */
function wireEntryOverhead(): number {
  const doc = new Y.Doc();
  const map = doc.getMap('envelopes');
  let bytes = 0;
  doc.on('update', (u: Uint8Array) => (bytes = u.length));
  map.set('0123456789abcdef0123456789abcdef', new Uint8Array(297));
  return bytes - 297 - varUintBytes(297);
}

/**
 * What the update envelopes of a typing session cost on the wire under a batching policy,
 * without running the engine: the same grouping as UpdateBatcher (flush after idleMs of quiet,
 * at most maxWindowMs after the first update, at once past maxUpdates / maxBytes), one
 * Y.mergeUpdates per group, the exact sealed size (sealedEnvelopeLength), and the wire doc's
 * per-entry framing. Rollover snapshots are not included (the engine run counts those).
 */
export function modelBatching(
  updates: readonly Uint8Array[],
  times: readonly number[],
  policy: BatchPolicy,
): { envelopes: number; wireBytes: number } {
  const overhead = wireEntryOverhead();
  let envelopes = 0;
  let wireBytes = 0;
  let batch: Uint8Array[] = [];
  let bytes = 0;
  let first = 0;
  let last = 0;
  const flush = (): void => {
    if (batch.length === 0) return;
    const merged = batch.length === 1 ? batch[0]! : Y.mergeUpdates(batch);
    const body = 5 + merged.length; // update body: version u8, session u32, the update
    const sealed = policy.paddingFloor
      ? sealedEnvelopeLength(body)
      : ENVELOPE_OVERHEAD_BYTES + padmeLength(ENVELOPE_FIXED_PLAINTEXT_BYTES + body + 1);
    envelopes++;
    wireBytes += overhead + varUintBytes(sealed) + sealed;
    batch = [];
    bytes = 0;
  };
  for (let i = 0; i < updates.length; i++) {
    const t = times[i]!;
    if (batch.length > 0 && t >= Math.min(last + policy.idleMs, first + policy.maxWindowMs))
      flush();
    if (batch.length === 0) first = t;
    last = t;
    batch.push(updates[i]!);
    bytes += updates[i]!.length;
    if (bytes >= policy.maxBytes || batch.length >= policy.maxUpdates) flush();
  }
  flush();
  return { envelopes, wireBytes };
}
