import * as Y from 'yjs';
import {
  ENVELOPE_FIXED_PLAINTEXT_BYTES,
  ENVELOPE_OVERHEAD_BYTES,
} from '../shared/envelope/envelopeFormat.ts';
import { padmeLength } from '../shared/envelope/padmeLength.ts';
import { sealedEnvelopeLength } from '../shared/envelope/sealedEnvelopeLength.ts';
import type { Scheduler } from '../shared/sync/Scheduler.ts';
import { DEFAULT_SYNC_LIMITS } from '../shared/sync/SyncLimits.ts';
import { UpdateBatcher, type BatchLimits } from '../shared/sync/UpdateBatcher.ts';

/** A batching policy, as UpdateBatcher takes it, plus whether envelopes keep the 256-byte floor. */
export interface BatchPolicy {
  readonly name: string;
  readonly limits: BatchLimits;
  readonly paddingFloor: boolean;
}

const app = DEFAULT_SYNC_LIMITS.batch;
const fixed = (ms: number): BatchLimits => ({
  ...app,
  idleMs: ms,
  firstWindowMs: ms,
  minWindowMs: ms,
  maxWindowMs: ms,
});
const adaptive = (maxWindowMs: number): BatchLimits => ({
  ...app,
  idleMs: maxWindowMs,
  maxWindowMs,
});

/** The app's policy and the alternatives docs/BENCHMARKS.md discusses. */
export const POLICIES: readonly BatchPolicy[] = [
  { name: 'app', limits: app, paddingFloor: true },
  { name: 'app_no_floor', limits: app, paddingFloor: false },
  { name: 'fixed_300ms', limits: fixed(300), paddingFloor: true },
  { name: 'adaptive_max2s', limits: adaptive(2000), paddingFloor: true },
  { name: 'adaptive_max5s', limits: adaptive(5000), paddingFloor: true },
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

/** A synchronous virtual clock: timers fire in (time, creation) order as `advanceTo` moves on. */
class StepClock implements Scheduler {
  private time = 0;
  private next = 0;
  private readonly timers = new Map<number, { at: number; fn: () => void }>();

  now(): number {
    return this.time;
  }

  setTimeout(fn: () => void, ms: number): unknown {
    const id = ++this.next;
    this.timers.set(id, { at: this.time + Math.max(0, ms), fn });
    return id;
  }

  clearTimeout(handle: unknown): void {
    if (typeof handle === 'number') this.timers.delete(handle);
  }

  advanceTo(until: number): void {
    for (;;) {
      let due: [number, { at: number; fn: () => void }] | undefined;
      for (const entry of this.timers) {
        if (entry[1].at <= until && (!due || entry[1].at < due[1].at)) due = entry;
      }
      if (!due) break;
      this.timers.delete(due[0]);
      this.time = Math.max(this.time, due[1].at);
      due[1].fn();
    }
    this.time = Math.max(this.time, until);
  }
}

/**
 * What the update envelopes of a typing session cost on the wire under a batching policy,
 * without sealing: the real UpdateBatcher on a virtual clock groups the keystroke updates, and
 * each merged update is costed at its exact sealed size (sealedEnvelopeLength) plus the wire
 * doc's per-entry framing. Rollover snapshots are not included (the engine run counts those).
 */
export function modelBatching(
  updates: readonly Uint8Array[],
  times: readonly number[],
  policy: BatchPolicy,
): { envelopes: number; wireBytes: number; paddingBytes: number } {
  const overhead = wireEntryOverhead();
  let envelopes = 0;
  let wireBytes = 0;
  let paddingBytes = 0;
  const clock = new StepClock();
  const batcher = new UpdateBatcher(policy.limits, clock, (merged) => {
    const body = 5 + merged.length; // update body: version u8, session u32, the update
    const sealed = policy.paddingFloor
      ? sealedEnvelopeLength(body)
      : ENVELOPE_OVERHEAD_BYTES + padmeLength(ENVELOPE_FIXED_PLAINTEXT_BYTES + body + 1);
    envelopes++;
    wireBytes += overhead + varUintBytes(sealed) + sealed;
    // What padding adds: the sealed size minus the same envelope unpadded.
    paddingBytes += sealed - (ENVELOPE_OVERHEAD_BYTES + ENVELOPE_FIXED_PLAINTEXT_BYTES + body);
  });
  for (let i = 0; i < updates.length; i++) {
    clock.advanceTo(times[i]!);
    batcher.push(updates[i]!);
  }
  batcher.flush();
  return { envelopes, wireBytes, paddingBytes };
}
