import type * as Y from 'yjs';
import { CellSync } from '../../shared/sync/CellSync.ts';
import { fixedRoster } from '../../shared/sync/fixedRoster.ts';
import { MemorySyncStore } from '../../shared/sync/MemorySyncStore.ts';
import { realScheduler } from '../../shared/sync/Scheduler.ts';
import { MemoryNetwork } from '../../tests/support/MemoryNetwork.ts';
import { newBenchCell, newKeys } from '../benchCell.ts';
import { liveHeap } from '../gc.ts';
import { prng } from '../typingModel.ts';

const EDIT_LEN = 4;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Resolves when `t` holds at least `length` characters: when (performance.now()). */
function reach(t: Y.Text, length: number, timeoutMs: number): Promise<number> {
  if (t.length >= length) return Promise.resolve(performance.now());
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      t.unobserve(check);
      reject(new Error(`mesh sim: a peer stopped at ${t.length} of ${length}`));
    }, timeoutMs);
    function check(): void {
      if (t.length < length) return;
      clearTimeout(timer);
      t.unobserve(check);
      resolve(performance.now());
    }
    t.observe(check);
  });
}

/**
 * A mesh of `n` members simulated in this process: n CellSync engines (real sealing, signing,
 * opening, storing, batching on real timers) joined over the transport port by the test suite's
 * MemoryNetwork (every wire-doc update to every other member after `hopMs`, resync on join, no
 * loss). What a real WebRTC process adds (data channels, y-webrtc, a Node runtime each) is not
 * in it: the real meshes of the same sizes calibrate it. Every member inserts `edits` strings
 * at random positions `intervalMs` apart, all at once; returns the time until every member
 * holds the same full text, and the live heap each member's engine and documents take.
 */
export async function meshSim(
  n: number,
  edits: number,
  intervalMs: number,
  hopMs = 1,
): Promise<{ convergeMs: number; heapPerPeerMb: number }> {
  const cell = await newBenchCell();
  const keys = await Promise.all(Array.from({ length: n }, () => newKeys()));
  const roster = fixedRoster(keys.map((k) => ({ signPk: k.signPk, role: 'writer' as const })));
  const net = new MemoryNetwork(realScheduler, prng(n), {
    drop: 0,
    duplicate: 0,
    minLatency: hopMs,
    maxLatency: hopMs,
    reconnectMs: 1000,
  });
  const heap0 = liveHeap();
  const peers: CellSync[] = [];
  for (let i = 0; i < n; i++) {
    peers.push(
      await CellSync.open({
        cellId: cell.cellId,
        me: keys[i]!,
        epoch: 0,
        secretsFor: (e) => (e === 0 ? cell.secrets : undefined),
        roster,
        store: new MemorySyncStore(),
        transport: net.transportFor(i),
        signaling: ['in-process'],
      }),
    );
  }
  try {
    const texts = peers.map((p) => p.doc(cell.docId).getText('t'));
    await sleep(50 + n * 5);
    const expected = n * edits * EDIT_LEN;
    const rand = prng(1000 + n);
    const start = performance.now();
    const reached = texts.map((t) => reach(t, expected, 120_000));
    await Promise.all(
      texts.map(async (t, i) => {
        for (let e = 0; e < edits; e++) {
          let s = '';
          for (let j = 0; j < EDIT_LEN; j++) s += String.fromCharCode(97 + Math.floor(rand() * 26));
          t.insert(Math.floor(rand() * (t.length + 1)), s);
          if (intervalMs > 0) await sleep(intervalMs);
        }
        await peers[i]!.flush();
      }),
    );
    const convergeMs = Math.max(...(await Promise.all(reached))) - start;
    const first = texts[0]!.toJSON();
    if (texts.some((t) => t.toJSON() !== first)) throw new Error(`mesh sim ${n}: texts differ`);
    // Let the last checkpoints and saves land, then count what stays.
    await Promise.all(peers.map((p) => p.flush()));
    const heapPerPeerMb = (liveHeap() - heap0) / n / 1e6;
    return { convergeMs, heapPerPeerMb };
  } finally {
    for (const p of peers) await p.close();
  }
}
