import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { defaultSignalLimits } from '../../node/signal/SignalLimits.ts';
import { startSignalServer } from '../../node/signal/SignalServer.ts';
import type { PeerProcess } from '../../tests/integration/transport/peerProcess.ts';
import { cellToArgs, keysToHex, newKeys, type Keys } from '../benchCell.ts';
import { closeAll, PEER_SCRIPT, type BenchContext, type ScenarioResult } from '../BenchContext.ts';
import { median } from '../stats.ts';
import { saveStoreFile } from '../storeFile.ts';
import type { ReplayedDoc } from './traceReplay.ts';

interface Reached {
  readonly reached: boolean;
  readonly sinceOpenMs: number;
  readonly hash: string;
}

/** A raised per-connection topic cap, for the second attempt (see the scenario's comment). */
const RAISED_TOPICS = 256;

interface Setup {
  readonly doc: ReplayedDoc;
  readonly storeFile: string;
  readonly stateFile: string;
  readonly members: readonly string[];
  readonly room: string;
  readonly password: string;
}

/**
 * Hosts (fleet peers) holding the document on `signalUrl`, then one fresh process per join:
 * Quire and plain alternating. Returns the times, or undefined for a Quire join that never
 * reached the text within `timeoutMs`.
 */
async function joins(
  ctx: BenchContext,
  s: Setup,
  signalUrl: string,
  joiners: readonly Keys[],
  timeoutMs: number,
  withPlain: boolean,
): Promise<{ quire: (number | undefined)[]; plain: number[] }> {
  const fleet = await ctx.fleet();
  const [quireHost, plainHost] = [fleet.quire[0]!, fleet.plain[0]!];
  const cellArgs = { ...cellToArgs(s.doc.cell), members: s.members, signaling: signalUrl };
  const plainArgs = { mode: 'plain', signaling: signalUrl, room: s.room, password: s.password };
  // Fresh joiner processes (a new member's app starts cold), spawned before anything is timed.
  const spawn = (name: string): Promise<PeerProcess> =>
    ctx.pool.spawn(PEER_SCRIPT, { name, readyTimeoutMs: 90_000 });
  const fresh = await Promise.all(
    joiners.map((_, i) =>
      Promise.all([spawn(`join-quire-${i}`), withPlain ? spawn(`join-plain-${i}`) : undefined]),
    ),
  );
  const out = { quire: [] as (number | undefined)[], plain: [] as number[] };
  try {
    const me = keysToHex(s.doc.me);
    await quireHost.request(
      'open',
      { ...cellArgs, mode: 'quire', me, storeFile: s.storeFile },
      60_000,
    );
    if (withPlain) await plainHost.request('open', { ...plainArgs, stateFile: s.stateFile });
    const hash = (await quireHost.request<{ hash: string }>('digest')).hash;
    const joinOnce = async (
      p: PeerProcess,
      args: Record<string, unknown>,
    ): Promise<number | undefined> => {
      try {
        await p.request('open', args, 60_000);
        const r = await p.request<Reached>(
          'waitLength',
          { length: s.doc.text.length, timeoutMs },
          timeoutMs + 10_000,
        );
        if (r.reached && r.hash !== hash)
          throw new Error('cold join: the joiner holds another text');
        return r.reached ? r.sinceOpenMs : undefined;
      } finally {
        await p.request('close', {}, 10_000).catch(() => undefined);
        await p.kill();
      }
    };
    for (let i = 0; i < joiners.length; i++) {
      const [q, pl] = fresh[i]!;
      const quire = (): Promise<number | undefined> =>
        joinOnce(q, { ...cellArgs, mode: 'quire', me: keysToHex(joiners[i]!) });
      const plain = async (): Promise<void> => {
        if (!pl) return;
        const ms = await joinOnce(pl, plainArgs);
        if (ms === undefined) throw new Error('cold join (plain): text not reached');
        out.plain.push(ms);
      };
      if (i % 2 === 0) {
        out.quire.push(await quire());
        await plain();
      } else {
        await plain();
        out.quire.push(await quire());
      }
    }
  } finally {
    await closeAll([quireHost, plainHost]);
    const spawned = fresh.flat().filter((p): p is PeerProcess => p !== undefined);
    await Promise.all(spawned.map((p) => p.kill()));
  }
  return out;
}

/**
 * Scenario 5: a host process holds the replayed document (the store left after the final
 * rollover: one snapshot in the newest generation, one notice per rollover in the epoch's
 * beacon); a new member's process starts empty, joins over WebRTC through the rendezvous server
 * and is timed from CellSync.open until its text is the trace's final text. Plain: a y-webrtc
 * peer with the same state and a fresh one joining its room; plain gets the project's chunking
 * wrapper too (unwrapped, a state above 256 KiB never arrives).
 *
 * A joiner learns the generations from the beacon and currently joins the room of every one it
 * sees announced (66 for the whole trace), so its rendezvous connection exceeds the server's
 * default 64 topics and the newest generation's subscription is dropped: the join never
 * completes. The bench records that (cold_join_with_default_server = 0) and then times the join
 * through a server with the cap raised, so the figure exists; docs/BENCHMARKS.md has the fix.
 */
export async function coldJoin(ctx: BenchContext, doc: ReplayedDoc): Promise<ScenarioResult> {
  const reps = ctx.quick ? 1 : 3;
  const storeFile = join(ctx.tmpDir, 'host-store.json');
  const stateFile = join(ctx.tmpDir, 'host-plain.bin');
  await saveStoreFile(doc.store, storeFile);
  await writeFile(stateFile, doc.plainState);
  const joiners = await Promise.all(Array.from({ length: reps + 1 }, () => newKeys()));
  const setup: Setup = {
    doc,
    storeFile,
    stateFile,
    members: [doc.me, ...joiners].map((k) => keysToHex(k).signPk),
    room: `bench-join-${randomBytes(8).toString('hex')}`,
    password: randomBytes(16).toString('hex'),
  };
  const dropsBefore = ctx.signal.stats().dropped.tooManyTopics;
  const probe = await joins(ctx, setup, ctx.signalUrl, joiners.slice(0, 1), 20_000, false);
  const defaultOk = probe.quire[0] !== undefined;
  const topicDrops = ctx.signal.stats().dropped.tooManyTopics - dropsBefore;
  let times = { quire: [] as (number | undefined)[], plain: [] as number[] };
  if (defaultOk) {
    times = await joins(ctx, setup, ctx.signalUrl, joiners.slice(1), 60_000, true);
    times.quire.push(probe.quire[0]);
  } else {
    ctx.log(
      `  cold join: never completes through the default server (${topicDrops} topics refused); retrying with ${RAISED_TOPICS}`,
    );
    const raised = await startSignalServer({
      host: '127.0.0.1',
      port: 0,
      limits: { maxTopicsPerConnection: RAISED_TOPICS },
    });
    try {
      times = await joins(ctx, setup, raised.url, joiners.slice(1), 60_000, true);
    } finally {
      await raised.close();
    }
  }
  const quire = times.quire.filter((t): t is number => t !== undefined);
  if (quire.length < times.quire.length) throw new Error('cold join (quire): text not reached');
  ctx.log(
    `  cold join: quire ${median(quire).toFixed(0)} ms, plain ${median(times.plain).toFixed(0)} ms`,
  );
  return {
    metrics: { cold_join_ms: median(quire), cold_join_plain_ms: median(times.plain) },
    details: {
      cold_join_reps: quire.length,
      cold_join_state_bytes: doc.plainState.length,
      cold_join_with_default_server: defaultOk ? 1 : 0,
      cold_join_topics_refused: topicDrops,
      cold_join_topic_cap_used: defaultOk
        ? defaultSignalLimits.maxTopicsPerConnection
        : RAISED_TOPICS,
    },
  };
}
