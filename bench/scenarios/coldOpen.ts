import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import * as Y from 'yjs';
import { openDexieStorage, type DexieStorage } from '../../renderer/storage/DexieStorage.ts';
import { toHex } from '../../shared/crypto/bytes.ts';
import { CellSync } from '../../shared/sync/CellSync.ts';
import { fixedRoster } from '../../shared/sync/fixedRoster.ts';
import { SealedSyncStore } from '../../shared/sync/SealedSyncStore.ts';
import type { BenchContext, ScenarioResult } from '../BenchContext.ts';
import { createBenchVault, unlockBenchVault } from '../benchVault.ts';
import { liveHeap } from '../gc.ts';
import { median } from '../stats.ts';
import { copyStore } from '../storeSnapshot.ts';
import type { ReplayedDoc } from './traceReplay.ts';

/** The plain baseline's row: its Yjs state as y-indexeddb would keep it (one unsealed row). */
const PLAIN_ROW = 'bench-plain-state';
const MB = 1024 * 1024;

/**
 * Scenario 4 (Node): the replayed document, as the app stores it (SealedSyncStore in a vault over
 * DexieStorage, here over fake-indexeddb), opened cold: a new storage connection and an unlocked
 * vault (both untimed), then CellSync.open until the text is readable. Plain: the same state read
 * from the same database and applied to a fresh Y.Doc. Alternating, median of the repetitions.
 */
export async function coldOpen(ctx: BenchContext, doc: ReplayedDoc): Promise<ScenarioResult> {
  const indexedDB = new IDBFactory();
  const name = 'quire-bench';
  const open = (): Promise<DexieStorage> => openDexieStorage({ name, indexedDB, IDBKeyRange });
  const cellHex = toHex(doc.cell.cellId);
  {
    const storage = await open();
    const vault = await createBenchVault(storage);
    await copyStore(doc.store, new SealedSyncStore(vault.store, cellHex));
    await storage.write([{ op: 'put', table: 'snapshots', id: PLAIN_ROW, bytes: doc.plainState }]);
    await storage.close();
  }
  const roster = fixedRoster([{ signPk: doc.me.signPk, role: 'writer' }]);

  const cpuMs = (since: NodeJS.CpuUsage): number => {
    const c = process.cpuUsage(since);
    return (c.user + c.system) / 1000;
  };
  const quireOnce = async (): Promise<{ ms: number; heap: number; cpu: number }> => {
    const storage = await open();
    const vault = await unlockBenchVault(storage);
    const before = liveHeap();
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const sync = await CellSync.open({
      cellId: doc.cell.cellId,
      me: doc.me,
      epoch: 0,
      secretsFor: (e) => (e === 0 ? doc.cell.secrets : undefined),
      roster,
      store: new SealedSyncStore(vault.store, cellHex),
      signaling: [],
    });
    const text = sync.doc(doc.cell.docId).getText('t').toJSON();
    const ms = performance.now() - t0;
    const cpu = cpuMs(cpu0);
    const heap = liveHeap() - before;
    if (text !== doc.text) throw new Error('cold open: wrong text');
    await sync.close();
    await storage.close();
    return { ms, heap, cpu };
  };
  const plainOnce = async (): Promise<{ ms: number; heap: number; cpu: number }> => {
    const storage = await open();
    const before = liveHeap();
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const bytes = await storage.get('snapshots', PLAIN_ROW);
    const ydoc = new Y.Doc();
    if (bytes) Y.applyUpdate(ydoc, bytes);
    const text = ydoc.getText('t').toJSON();
    const ms = performance.now() - t0;
    const cpu = cpuMs(cpu0);
    const heap = liveHeap() - before;
    if (text !== doc.text) throw new Error('cold open (plain): wrong text');
    ydoc.destroy();
    await storage.close();
    return { ms, heap, cpu };
  };

  await quireOnce();
  await plainOnce();
  const reps = ctx.quick ? 3 : 9;
  const q: number[] = [];
  const p: number[] = [];
  const qHeap: number[] = [];
  const pHeap: number[] = [];
  const ratios: number[] = [];
  const qCpu: number[] = [];
  const pCpu: number[] = [];
  for (let rep = 0; rep < reps; rep++) {
    const first = rep % 2 === 0 ? quireOnce : plainOnce;
    const second = first === quireOnce ? plainOnce : quireOnce;
    const a = await first();
    const b = await second();
    const [qr, pr] = first === quireOnce ? [a, b] : [b, a];
    q.push(qr.ms);
    p.push(pr.ms);
    qHeap.push(qr.heap);
    pHeap.push(pr.heap);
    ratios.push(qr.ms / pr.ms);
    qCpu.push(qr.cpu);
    pCpu.push(pr.cpu);
  }
  ctx.log(`  cold open: quire ${median(q).toFixed(1)} ms, plain ${median(p).toFixed(1)} ms`);
  return {
    metrics: {
      cold_open_ms: median(q),
      cold_open_plain_ms: median(p),
      cold_open_ratio: median(ratios),
      cold_open_heap_mb: median(qHeap) / MB,
    },
    details: {
      cold_open_reps: reps,
      cold_open_plain_heap_mb: median(pHeap) / MB,
      cold_open_state_bytes: doc.plainState.length,
      cold_open_cpu_ms: median(qCpu),
      cold_open_plain_cpu_ms: median(pCpu),
    },
  };
}
