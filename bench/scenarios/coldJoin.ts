import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PeerProcess } from '../../tests/integration/transport/peerProcess.ts';
import { cellToArgs, keysToHex, newKeys } from '../benchCell.ts';
import { closeAll, PEER_SCRIPT, type BenchContext, type ScenarioResult } from '../BenchContext.ts';
import { median } from '../stats.ts';
import { saveStoreFile } from '../storeFile.ts';
import type { ReplayedDoc } from './traceReplay.ts';

interface Reached {
  readonly reached: boolean;
  readonly sinceOpenMs: number;
  readonly hash: string;
}

/**
 * Scenario 5: a host process holds the replayed document (the store left after the rollover:
 * one snapshot in the newest generation, the notices in the epoch's beacon); a new member's
 * process starts empty, joins over WebRTC through the rendezvous server and is timed from
 * CellSync.open until its text is the trace's final text. It meets the host first in the
 * beacon, learns the newest generation there, then fetches the snapshot (chunked data channels).
 * Plain: a y-webrtc peer with the same state, and a fresh one joining its room. Plain y-webrtc
 * gets the project's chunking wrapper too: unwrapped, a state above 256 KiB never arrives.
 */
export async function coldJoin(ctx: BenchContext, doc: ReplayedDoc): Promise<ScenarioResult> {
  const reps = ctx.quick ? 1 : 3;
  const joiners = await Promise.all(Array.from({ length: reps }, () => newKeys()));
  const members = [doc.me, ...joiners].map((k) => keysToHex(k).signPk);
  const storeFile = join(ctx.tmpDir, 'host-store.json');
  const stateFile = join(ctx.tmpDir, 'host-plain.bin');
  await saveStoreFile(doc.store, storeFile);
  await writeFile(stateFile, doc.plainState);
  const room = `bench-join-${randomBytes(8).toString('hex')}`;
  const password = randomBytes(16).toString('hex');
  const cellArgs = { ...cellToArgs(doc.cell), members, signaling: ctx.signalUrl };
  const spawn = (name: string): Promise<PeerProcess> =>
    ctx.pool.spawn(PEER_SCRIPT, { name, readyTimeoutMs: 90_000 });

  const fleet = await ctx.fleet();
  const quireHost = fleet.quire[0]!;
  const plainHost = fleet.plain[0]!;
  // Fresh joiner processes (a new member's app starts cold), spawned before anything is timed.
  const fresh = await Promise.all(
    Array.from({ length: reps }, (_, rep) =>
      Promise.all([spawn(`join-quire-${rep}`), spawn(`join-plain-${rep}`)]),
    ),
  );
  const q: number[] = [];
  const pl: number[] = [];
  try {
    await quireHost.request(
      'open',
      { ...cellArgs, mode: 'quire', me: keysToHex(doc.me), storeFile },
      60_000,
    );
    await plainHost.request('open', {
      mode: 'plain',
      signaling: ctx.signalUrl,
      room,
      password,
      stateFile,
    });
    const hostHash = (await quireHost.request<{ hash: string }>('digest')).hash;
    const plainHash = (await plainHost.request<{ hash: string }>('digest')).hash;
    if (hostHash !== plainHash) throw new Error('cold join: hosts disagree on the text');

    const joinOnce = async (mode: 'quire' | 'plain', rep: number): Promise<number> => {
      const p = fresh[rep]![mode === 'quire' ? 0 : 1];
      try {
        const args =
          mode === 'quire'
            ? { ...cellArgs, mode, me: keysToHex(joiners[rep]!) }
            : { mode, signaling: ctx.signalUrl, room, password };
        await p.request('open', args, 60_000);
        const r = await p.request<Reached>(
          'waitLength',
          { length: doc.text.length, timeoutMs: 60_000 },
          70_000,
        );
        if (!r.reached || r.hash !== hostHash)
          throw new Error(`cold join (${mode}): text not reached`);
        return r.sinceOpenMs;
      } finally {
        await p.request('close', {}, 10_000).catch(() => undefined);
        await p.kill();
      }
    };
    for (let rep = 0; rep < reps; rep++) {
      const order: ('quire' | 'plain')[] = rep % 2 === 0 ? ['quire', 'plain'] : ['plain', 'quire'];
      for (const mode of order) (mode === 'quire' ? q : pl).push(await joinOnce(mode, rep));
      ctx.log(
        `  cold join rep ${rep + 1}/${reps}: quire ${q.at(-1)!.toFixed(0)} ms, plain ${pl.at(-1)!.toFixed(0)} ms`,
      );
    }
  } finally {
    await closeAll([quireHost, plainHost]);
    await Promise.all(fresh.flat().map((p) => p.kill()));
  }
  return {
    metrics: { cold_join_ms: median(q), cold_join_plain_ms: median(pl) },
    details: { cold_join_reps: reps, cold_join_state_bytes: doc.plainState.length },
  };
}
