import * as Y from 'yjs';
import { CellSync } from '../../shared/sync/CellSync.ts';
import { REMOTE_ORIGIN } from '../../shared/sync/DocReplica.ts';
import { fixedRoster } from '../../shared/sync/fixedRoster.ts';
import { MemorySyncStore } from '../../shared/sync/MemorySyncStore.ts';
import { DEFAULT_SYNC_LIMITS } from '../../shared/sync/SyncLimits.ts';
import { newBenchCell, newKeys, type BenchCell, type Keys } from '../benchCell.ts';
import { FakeClock, settle } from '../FakeClock.ts';
import type { Trace, TraceTxn } from '../loadTrace.ts';
import type { TypingModel } from '../typingModel.ts';
import { wireCounter } from '../wireCounter.ts';
import { modelBatching, POLICIES } from '../batchModel.ts';

/** The document after the replay, for the cold-open and cold-join scenarios. */
export interface ReplayedDoc {
  readonly cell: BenchCell;
  readonly me: Keys;
  readonly store: MemorySyncStore;
  readonly text: string;
  /** Y.encodeStateAsUpdate of the plain Yjs doc that received the same transactions. */
  readonly plainState: Uint8Array;
}

export interface TraceReplayResult {
  readonly metrics: {
    readonly trace_envelopes: number;
    readonly wire_bytes: number;
    readonly wire_bytes_plain: number;
    readonly wire_bytes_ratio: number;
    readonly store_bytes_after_rollover: number;
    readonly store_bytes_plain: number;
    readonly store_bytes_ratio: number;
    readonly wire_padding_share: number;
    readonly wire_batching_share: number;
  };
  readonly details: Record<string, number>;
  readonly doc: ReplayedDoc;
}

export function applyTxn(text: Y.Text, txn: TraceTxn): void {
  for (const [pos, del, ins] of txn.patches) {
    if (del > 0) text.delete(pos, del);
    if (ins.length > 0) text.insert(pos, ins);
  }
}

const HOUR = 3_600_000;

/**
 * Scenario 3: the trace typed into one document of a CellSync (offline; batching, sealing,
 * storing and rollovers exactly as in the app, on a virtual clock driven by the typing model),
 * and the same transactions into a plain Yjs doc whose every update a y-webrtc peer would send.
 * Then one rollover, and the store once the old generation has retired (10 min later).
 */
export async function traceReplay(trace: Trace, model: TypingModel): Promise<TraceReplayResult> {
  const cell = await newBenchCell();
  const me = await newKeys();
  const clock = new FakeClock(Date.UTC(2021, 3, 19, 6, 0, 0));
  const store = new MemorySyncStore();
  const { transport, count } = wireCounter();
  const sync = await CellSync.open({
    cellId: cell.cellId,
    me,
    epoch: 0,
    secretsFor: (e) => (e === 0 ? cell.secrets : undefined),
    roster: fixedRoster([{ signPk: me.signPk, role: 'writer' }]),
    store,
    transport,
    // Never dialled: the counting transport only records what would be sent.
    signaling: ['ws://127.0.0.1:9/offline'],
    scheduler: clock,
    random: () => 0.5,
  });
  const text = sync.doc(cell.docId).getText('t');
  // Every local update and when it happened, for the batching model (batchModel.ts).
  const localUpdates: Uint8Array[] = [];
  const localTimes: number[] = [];
  text.doc!.on('update', (u: Uint8Array, origin: unknown) => {
    if (origin === REMOTE_ORIGIN) return;
    localUpdates.push(u);
    localTimes.push(clock.now());
  });

  const plain = new Y.Doc();
  const plainText = plain.getText('t');
  let plainUpdates = 0;
  let plainBytes = 0;
  plain.on('update', (u: Uint8Array) => {
    plainUpdates++;
    plainBytes += u.length;
  });

  const started = performance.now();
  let quireMs = 0;
  let plainMs = 0;
  let generationsSeen = 0;
  for (let i = 0; i < trace.txns.length; i++) {
    const txn = trace.txns[i] as TraceTxn;
    const t0 = performance.now();
    await clock.advanceTo(clock.now() + model.gap(i));
    text.doc!.transact(() => applyTxn(text, txn));
    const t1 = performance.now();
    plain.transact(() => applyTxn(plainText, txn));
    const t2 = performance.now();
    quireMs += t1 - t0;
    plainMs += t2 - t1;
    generationsSeen = Math.max(generationsSeen, sync.status().generation);
  }
  const typedMs = clock.now() - Date.UTC(2021, 3, 19, 6, 0, 0);
  await clock.advanceTo(clock.now() + 1000);
  await sync.flush();
  const beforeRollover = { ...count, envelopes: count.envIds.size, sealed: count.sealedBytes };
  const stored = store.storedBytes();

  await sync.rollover();
  const limits = DEFAULT_SYNC_LIMITS;
  await clock.advanceTo(clock.now() + limits.republishDelayMs + limits.drainMs + 1000);
  await sync.flush();
  await settle();
  const storeAfter = store.storedBytes();
  const checkpoints = await store.loadCheckpoints();
  let checkpointBytes = 0;
  for (const cp of checkpoints.values()) checkpointBytes += cp.state.length;
  const finalText = text.toJSON();
  const quireState = Y.encodeStateAsUpdate(sync.doc(cell.docId)).length;
  const plainState = Y.encodeStateAsUpdate(plain);
  const generation = sync.status().generation;
  await sync.close();
  if (
    trace.endContent !== '' &&
    (finalText !== trace.endContent || plainText.toJSON() !== trace.endContent)
  )
    throw new Error('trace replay: final text differs from the trace end content');

  const batching: Record<string, number> = {};
  const modelled = new Map<string, { wireBytes: number; paddingBytes: number }>();
  for (const policy of POLICIES) {
    const m = modelBatching(localUpdates, localTimes, policy);
    modelled.set(policy.name, m);
    batching[`model_${policy.name}_envelopes`] = m.envelopes;
    batching[`model_${policy.name}_wire_ratio`] = m.wireBytes / plainBytes;
  }
  const app = modelled.get('app')!;
  const burst = modelled.get('adaptive_max5s')!;
  return {
    metrics: {
      trace_envelopes: beforeRollover.envelopes,
      wire_bytes: beforeRollover.updateBytes,
      wire_bytes_plain: plainBytes,
      wire_bytes_ratio: beforeRollover.updateBytes / plainBytes,
      store_bytes_after_rollover: storeAfter,
      store_bytes_plain: plainState.length,
      store_bytes_ratio: storeAfter / plainState.length,
      // Shares of the update envelopes' wire bytes (the app's policy, modelled exactly): what the
      // padding adds, and what batching each burst of typing (5 s windows) would save.
      wire_padding_share: app.paddingBytes / app.wireBytes,
      wire_batching_share: (app.wireBytes - burst.wireBytes) / app.wireBytes,
    },
    details: {
      trace_txns: trace.txns.length,
      plain_updates: plainUpdates,
      wire_sealed_bytes: beforeRollover.sealed,
      wire_doc_updates: beforeRollover.updates,
      wire_entries_inserted: beforeRollover.entries,
      keystrokes_per_envelope: trace.txns.length / beforeRollover.envelopes,
      store_bytes_before_rollover: stored,
      store_checkpoint_bytes: checkpointBytes,
      store_bytes_with_checkpoint: storeAfter + checkpointBytes,
      generations: generation,
      automatic_rollovers: generationsSeen,
      quire_doc_state_bytes: quireState,
      typed_hours: typedMs / HOUR,
      replay_quire_ms: quireMs,
      replay_plain_ms: plainMs,
      replay_total_ms: performance.now() - started,
      ...batching,
    },
    doc: { cell, me, store, text: finalText, plainState },
  };
}
