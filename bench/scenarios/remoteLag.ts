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
import { lagsOf } from '../peers/lagProbe.ts';
import { percentile } from '../stats.ts';
import { humanTyping } from '../typingModel.ts';

/** The simulated round trip (Tbilisi-Kazan class), split evenly: each side delays what it sends. */
export const REMOTE_RTT_MS = 80;

/** One typist and one watcher; the lags (ms) of every keystroke that arrived. */
async function typeAndWatch(a: PeerProcess, b: PeerProcess, text: string, gaps: number[]) {
  const { length: base } = await b.request<{ length: number }>('watchStart');
  const typed = await a.request<{ sentAt: number[] }>(
    'typeText',
    { text, gaps },
    gaps.reduce((x, y) => x + y, 0) + 60_000,
  );
  // The last window (at most 1 s) and the delay, then take what the watcher saw.
  await new Promise((r) => setTimeout(r, 1500 + REMOTE_RTT_MS));
  const { marks } = await b.request<{ marks: [number, number][] }>('watchTake');
  return lagsOf(typed.sentAt, marks, base);
}

/**
 * Scenario: remote lag while typing. A types the trace's text at human speed (the bench's typing
 * model, one character per keystroke, no flush: Quire's adaptive batch windows apply as in the
 * app); B watches. Keystroke-at-A to visible-at-B, per keystroke, with REMOTE_RTT_MS of round trip
 * added in-process to every data-channel send (bench/peers/linkDelay.ts). Quire and plain y-webrtc
 * type at the same time, in separate processes, so both see the same machine.
 */
export async function remoteLag(ctx: BenchContext, source: string): Promise<ScenarioResult> {
  const fleet = await ctx.fleet();
  const keystrokes = ctx.quick ? 20 : 300;
  const text = source.replace(/\s+/g, ' ').slice(1000, 1000 + keystrokes);
  const model = humanTyping();
  const gaps = Array.from(text, (_c, i) => model.gap(i));
  const cell = await newBenchCell();
  const keys = [await newKeys(), await newKeys()];
  const members = keys.map((k) => keysToHex(k).signPk);
  const room = `bench-${randomBytes(8).toString('hex')}`;
  const password = randomBytes(16).toString('hex');
  const linkDelayMs = REMOTE_RTT_MS / 2;
  const [qa, qb] = [fleet.quire[2]!, fleet.quire[3]!];
  const [pa, pb] = [fleet.plain[2]!, fleet.plain[3]!];
  try {
    await openStaggered([qa, qb], (i) => ({
      mode: 'quire',
      ...cellToArgs(cell),
      members,
      me: keysToHex(keys[i]!),
      signaling: ctx.signalUrl,
      linkDelayMs,
    }));
    await openStaggered([pa, pb], () => ({
      mode: 'plain',
      room,
      password,
      signaling: ctx.signalUrl,
      linkDelayMs,
    }));
    await waitConnected([qa, qb], 1, 'remote lag quire');
    await waitConnected([pa, pb], 1, 'remote lag plain');
    // Let both finish their initial sync exchange before the first keystroke.
    await new Promise((r) => setTimeout(r, ctx.quick ? 300 : 1000));
    const [q, p] = await Promise.all([
      typeAndWatch(qa, qb, text, gaps),
      typeAndWatch(pa, pb, text, gaps),
    ]);
    if (q.length < text.length || p.length < text.length)
      throw new Error(
        `remote lag: keystrokes lost (quire ${q.length}, plain ${p.length} of ${text.length})`,
      );
    const qp95 = percentile(q, 0.95);
    const pp95 = percentile(p, 0.95);
    ctx.log(
      `  ${keystrokes} keystrokes: quire p95 ${qp95.toFixed(0)} ms, plain p95 ${pp95.toFixed(0)} ms`,
    );
    return {
      metrics: {
        remote_lag_p50_ms: percentile(q, 0.5),
        remote_lag_p95_ms: qp95,
        remote_lag_plain_p50_ms: percentile(p, 0.5),
        remote_lag_plain_p95_ms: pp95,
        remote_lag_p95_over_plain_ms: qp95 - pp95,
      },
      details: {
        remote_lag_rtt_ms: REMOTE_RTT_MS,
        remote_lag_keystrokes: keystrokes,
        remote_lag_max_ms: Math.max(...q),
        remote_lag_plain_max_ms: Math.max(...p),
      },
    };
  } finally {
    await closeAll([qa, qb, pa, pb]);
  }
}
