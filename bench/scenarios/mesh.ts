import { randomBytes } from 'node:crypto';
import type { PeerProcess } from '../../tests/integration/transport/peerProcess.ts';
import { cellToArgs, keysToHex, newBenchCell, newKeys } from '../benchCell.ts';
import {
  closeAll,
  openStaggered,
  waitConnected,
  type BenchContext,
  type ScenarioResult,
} from '../BenchContext.ts';
import { median } from '../stats.ts';
import { meshSim } from './meshSim.ts';

interface Reached {
  readonly reached: boolean;
  readonly at: number;
  readonly hash: string;
}

const EDIT_LEN = 4;
/** Meshes of real WebRTC processes (the fleet holds six of each system). */
const REAL_SIZES: readonly number[] = [2, 6];
/** Meshes simulated in process: beyond six members, and 2 and 6 to calibrate against the real. */
export const SIM_SIZES: readonly number[] = [2, 6, 12, 24];

/** Opens one system's mesh on `peers` (fresh cell or room) and waits for the full mesh. */
async function openMesh(
  ctx: BenchContext,
  mode: 'quire' | 'plain',
  peers: readonly PeerProcess[],
): Promise<void> {
  const cell = await newBenchCell();
  const keys = await Promise.all(peers.map(() => newKeys()));
  const members = keys.map((k) => keysToHex(k).signPk);
  const room = `bench-mesh-${randomBytes(8).toString('hex')}`;
  const password = randomBytes(16).toString('hex');
  await openStaggered(peers, (i) =>
    mode === 'quire'
      ? { mode, ...cellToArgs(cell), members, me: keysToHex(keys[i]!), signaling: ctx.signalUrl }
      : { mode, room, password, signaling: ctx.signalUrl },
  );
  await waitConnected(peers, peers.length - 1, `mesh ${mode} ${peers.length}`);
}

/**
 * Every peer makes `edits` inserts of 4 letters at random positions, `intervalMs` apart, all at
 * the same time; the time from the start until the last peer holds the full text. All texts
 * must then hash alike. Clocks: performance.timeOrigin + now(), one machine.
 */
async function round(
  peers: readonly PeerProcess[],
  edits: number,
  before: number,
  intervalMs: number,
): Promise<number> {
  const expected = before + peers.length * edits * EDIT_LEN;
  const waits = peers.map((p) =>
    p.request<Reached>('waitLength', { length: expected, timeoutMs: 90_000 }, 100_000),
  );
  const start = performance.timeOrigin + performance.now();
  await Promise.all(
    peers.map((p) => p.request('edit', { count: edits, len: EDIT_LEN, intervalMs }, 100_000)),
  );
  const reached = await Promise.all(waits);
  if (reached.some((r) => !r.reached)) throw new Error('mesh: a peer never converged');
  if (new Set(reached.map((r) => r.hash)).size !== 1) throw new Error('mesh: texts differ');
  return Math.max(...reached.map((r) => r.at)) - start;
}

/**
 * Scenario 6: meshes of 2 and 6 peer processes (Quire and, for reference, plain y-webrtc), all
 * editing concurrently; time until every peer has the identical text. Then 2, 6, 12 and 24
 * members simulated in this process (meshSim.ts): convergence and live heap per member.
 */
export async function mesh(ctx: BenchContext): Promise<ScenarioResult> {
  const fleet = await ctx.fleet();
  const edits = ctx.quick ? 50 : 200;
  const intervalMs = 5;
  const reps = ctx.quick ? 1 : 3;
  const metrics: Record<string, number> = {};
  const details: Record<string, number> = {
    mesh_edits_per_peer: edits,
    mesh_edit_interval_ms: intervalMs,
    mesh_reps: reps,
    mesh_sim_hop_ms: 1,
  };
  // --quick: the two-process mesh only (six of each system cost seconds to connect).
  for (const n of ctx.quick ? REAL_SIZES.slice(0, 1) : REAL_SIZES) {
    const quire = fleet.quire.slice(0, n);
    const plain = fleet.plain.slice(0, n);
    try {
      await openMesh(ctx, 'quire', quire);
      await openMesh(ctx, 'plain', plain);
      const q: number[] = [];
      const p: number[] = [];
      for (let rep = 0; rep < reps; rep++) {
        const order = rep % 2 === 0 ? (['quire', 'plain'] as const) : (['plain', 'quire'] as const);
        for (const mode of order) {
          const list = mode === 'quire' ? q : p;
          const before = list.length * n * edits * EDIT_LEN;
          list.push(await round(mode === 'quire' ? quire : plain, edits, before, intervalMs));
        }
      }
      ctx.log(`  mesh ${n}: quire ${median(q).toFixed(0)} ms, plain ${median(p).toFixed(0)} ms`);
      metrics[`mesh_converge_ms_${n}`] = median(q);
      details[`mesh_converge_plain_ms_${n}`] = median(p);
      const heaps = await Promise.all(quire.map((x) => x.request<{ heapUsed: number }>('heap')));
      details[`mesh_process_heap_mb_${n}`] = median(heaps.map((h) => h.heapUsed / 1e6));
    } finally {
      await closeAll([...quire, ...plain]);
    }
  }
  // The sizes past what the machine holds as processes, and the whole curve for calibration:
  // every member an engine in this process over the transport port (meshSim.ts).
  for (const n of SIM_SIZES) {
    const runs: { convergeMs: number; heapPerPeerMb: number }[] = [];
    // --quick: a smoke check of the same path, few edits (the full run uses the real count).
    const simEdits = ctx.quick ? 10 : edits;
    for (let rep = 0; rep < reps; rep++) runs.push(await meshSim(n, simEdits, intervalMs));
    const convergeMs = median(runs.map((r) => r.convergeMs));
    const heapMb = median(runs.map((r) => r.heapPerPeerMb));
    ctx.log(
      `  mesh ${n} in process: ${convergeMs.toFixed(0)} ms, ${heapMb.toFixed(2)} MB per member`,
    );
    details[`mesh_sim_converge_ms_${n}`] = convergeMs;
    metrics[`mesh_peer_heap_mb_${n}`] = heapMb;
    if (metrics[`mesh_converge_ms_${n}`] === undefined)
      metrics[`mesh_converge_ms_${n}`] = convergeMs;
  }
  return { metrics, details };
}
