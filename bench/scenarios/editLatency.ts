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
import { median, percentile } from '../stats.ts';
import { stage, type Mark } from '../peers/editTimeline.ts';

interface Pair {
  readonly a: PeerProcess;
  readonly b: PeerProcess;
}

/**
 * Scenario 1: two Node processes over real WebRTC on loopback, one small edit at a time, echoed
 * back: A appends a char, B answers with one as soon as it sees it, A times the round trip.
 * Quire seals at once (flush) on both sides: this measures what encryption, signatures and the
 * opening pipeline add; the app's batch window (120 ms idle) comes on top for a typist and is
 * discussed with the trace scenario. Plain = y-webrtc with a password, same rendezvous server.
 */
export async function editLatency(ctx: BenchContext): Promise<ScenarioResult> {
  const fleet = await ctx.fleet();
  const cell = await newBenchCell();
  const keys = [await newKeys(), await newKeys()];
  const members = keys.map((k) => keysToHex(k).signPk);
  const room = `bench-${randomBytes(8).toString('hex')}`;
  const password = randomBytes(16).toString('hex');
  const quire: Pair = { a: fleet.quire[0]!, b: fleet.quire[1]! };
  const plain: Pair = { a: fleet.plain[0]!, b: fleet.plain[1]! };
  const used = [quire.a, quire.b, plain.a, plain.b];
  try {
    await openStaggered([quire.a, quire.b], (i) => ({
      mode: 'quire',
      ...cellToArgs(cell),
      members,
      me: keysToHex(keys[i]!),
      signaling: ctx.signalUrl,
    }));
    await openStaggered([plain.a, plain.b], () => ({
      mode: 'plain',
      room,
      password,
      signaling: ctx.signalUrl,
    }));
    await waitConnected([quire.a, quire.b], 1, 'latency quire');
    await waitConnected([plain.a, plain.b], 1, 'latency plain');
    await quire.b.request('echo');
    await plain.b.request('echo');
    return await measure(ctx, quire, plain);
  } finally {
    await closeAll(used);
  }
}

/**
 * Where a round trip's time goes: timestamps on both sides (bench/peers/editTimeline.ts) over
 * more round trips; medians per stage. send = local edit to the synced doc's update (Quire:
 * batch flush, seal, sign, store); recv = a remote update's transaction start to the text change
 * (Quire: open, verify, clientID check, apply); echo = B's text change to its answer (the rest of
 * the receiving transaction: y-webrtc re-broadcasts what it received); net = one side's update to
 * the other's receipt (y-webrtc, data channel, loopback). Clocks: one machine.
 */
async function stagesOf(
  name: string,
  p: Pair,
  run: (p: Pair, n: number) => Promise<number[]>,
  count: number,
): Promise<Record<string, number>> {
  await p.a.request('timeline');
  await p.b.request('timeline');
  await run(p, count);
  const a = (await p.a.request<{ marks: Mark[] }>('timeline')).marks;
  const b = (await p.b.request<{ marks: Mark[] }>('timeline')).marks;
  const k = (s: string): string => `latency_stage_${name}_${s}_ms`;
  return {
    [k('send_a')]: stage(a, 'textLocal', a, 'wireLocal'),
    [k('net_ab')]: stage(a, 'wireLocal', b, 'wireRecv'),
    [k('recv_b')]: stage(b, 'wireRecv', b, 'textRemote'),
    [k('echo_b')]: stage(b, 'textRemote', b, 'textLocal'),
    [k('send_b')]: stage(b, 'textLocal', b, 'wireLocal'),
    [k('net_ba')]: stage(b, 'wireLocal', a, 'wireRecv'),
    [k('recv_a')]: stage(a, 'wireRecv', a, 'textRemote'),
  };
}

async function measure(ctx: BenchContext, quire: Pair, plain: Pair): Promise<ScenarioResult> {
  const count = ctx.quick ? 30 : 150;
  const reps = ctx.quick ? 3 : 7;
  const run = async (p: Pair, n: number): Promise<number[]> => {
    const r = await p.a.request<{ samples: number[]; timedOut: boolean }>(
      'pingPong',
      { count: n, pauseMs: 10, timeoutMs: 5000 },
      n * 6000,
    );
    if (r.timedOut) throw new Error(`${p.a.name}: an echo never came back`);
    return r.samples;
  };
  // Warm-up: JIT, WebRTC buffers, y-webrtc's first sync; not counted.
  await run(quire, ctx.quick ? 10 : 20);
  await run(plain, ctx.quick ? 10 : 20);
  const q50: number[] = [];
  const q99: number[] = [];
  const p50: number[] = [];
  const p99: number[] = [];
  const ratios: number[] = [];
  const allQ: number[] = [];
  const allP: number[] = [];
  for (let rep = 0; rep < reps; rep++) {
    // Alternate which system goes first, so drift in the machine's load hits both alike.
    const first = rep % 2 === 0 ? quire : plain;
    const a = await run(first, count);
    const b = await run(first === quire ? plain : quire, count);
    const [qs, ps] = first === quire ? [a, b] : [b, a];
    allQ.push(...qs);
    allP.push(...ps);
    q50.push(percentile(qs, 0.5));
    q99.push(percentile(qs, 0.99));
    p50.push(percentile(ps, 0.5));
    p99.push(percentile(ps, 0.99));
    ratios.push(percentile(qs, 0.5) / percentile(ps, 0.5));
    ctx.log(
      `  latency rep ${rep + 1}/${reps}: quire p50 ${q50.at(-1)!.toFixed(2)} ms, plain p50 ${p50.at(-1)!.toFixed(2)} ms`,
    );
  }
  const stages = {
    ...(await stagesOf('quire', quire, run, ctx.quick ? 30 : 100)),
    ...(await stagesOf('plain', plain, run, ctx.quick ? 30 : 100)),
  };
  return {
    metrics: {
      latency_p50_ms: median(q50),
      latency_p99_ms: median(q99),
      latency_plain_p50_ms: median(p50),
      latency_plain_p99_ms: median(p99),
      latency_p50_ratio: median(ratios),
    },
    details: {
      latency_reps: reps,
      latency_round_trips_per_rep: count,
      latency_pooled_p99_ms: percentile(allQ, 0.99),
      latency_plain_pooled_p99_ms: percentile(allP, 0.99),
      latency_min_ms: Math.min(...allQ),
      latency_plain_min_ms: Math.min(...allP),
      ...stages,
    },
  };
}
