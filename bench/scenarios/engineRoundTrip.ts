import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { CellSync } from '../../shared/sync/CellSync.ts';
import { fixedRoster } from '../../shared/sync/fixedRoster.ts';
import { MemorySyncStore } from '../../shared/sync/MemorySyncStore.ts';
import type { Transport } from '../../shared/transport/Transport.ts';
import { newBenchCell, newKeys } from '../benchCell.ts';
import { median } from '../stats.ts';

const LINK = Symbol('in-process link');

/**
 * Wire docs joined under one room name exchange every update synchronously, in this process:
 * no network, no y-webrtc. Measurement only (what the engine itself costs per round trip).
 */
function inProcessLink(): Transport {
  const rooms = new Map<string, Set<Y.Doc>>();
  return {
    join(config, doc) {
      let peers = rooms.get(config.roomName);
      if (!peers) rooms.set(config.roomName, (peers = new Set()));
      const set = peers;
      set.add(doc);
      doc.on('update', (u: Uint8Array, origin: unknown) => {
        if (origin !== LINK) for (const o of set) if (o !== doc) Y.applyUpdate(o, u, LINK);
      });
      const awareness = new Awareness(doc);
      return {
        doc,
        awareness,
        status: () => ({ signalingConnected: true, peers: set.size - 1 }),
        onStatus: () => () => undefined,
        close: () => {
          set.delete(doc);
          awareness.destroy();
        },
      };
    },
  };
}

/** B answers every remote edit that leaves the length odd with one char (as benchPeer's echo). */
function echo(t: Y.Text, after: () => void): void {
  t.observe((_e, tr) => {
    if (tr.local || t.length % 2 === 0) return;
    queueMicrotask(() => {
      t.insert(0, 'y');
      after();
    });
  });
}

export interface EngineRoundTrip {
  /** Wall-clock medians of single round trips. */
  readonly quireMs: number;
  readonly plainMs: number;
  /** CPU time per round trip (median over blocks): robust on a shared machine. */
  readonly quireCpuMs: number;
  readonly plainCpuMs: number;
}

async function roundTrip(t: Y.Text, after: () => void): Promise<number> {
  const target = t.length + 2;
  const done = new Promise<void>((resolve) => {
    const check = (): void => {
      if (t.length < target) return;
      t.unobserve(check);
      resolve();
    };
    t.observe(check);
  });
  const start = performance.now();
  t.insert(0, 'x');
  after();
  await done;
  return performance.now() - start;
}

/**
 * The edit round trip of scenario 1 with the network taken out: two engines (or two plain Yjs
 * docs) in one process joined by a synchronous pipe. What remains is the engine's own cost
 * (batch flush, seal, sign, store, open, verify, clientID check, apply) against Yjs alone.
 */
export async function engineRoundTrip(count: number): Promise<EngineRoundTrip> {
  const cell = await newBenchCell();
  const [ka, kb] = [await newKeys(), await newKeys()];
  const roster = fixedRoster([
    { signPk: ka.signPk, role: 'writer' },
    { signPk: kb.signPk, role: 'writer' },
  ]);
  const link = inProcessLink();
  const open = (me: typeof ka): Promise<CellSync> =>
    CellSync.open({
      cellId: cell.cellId,
      me,
      epoch: 0,
      secretsFor: (e) => (e === 0 ? cell.secrets : undefined),
      roster,
      store: new MemorySyncStore(),
      transport: link,
      signaling: ['in-process'],
    });
  const a = await open(ka);
  const b = await open(kb);
  const ta = a.doc(cell.docId).getText('t');
  echo(b.doc(cell.docId).getText('t'), () => void b.flush());
  const pa = new Y.Doc();
  const pb = new Y.Doc();
  const pipe = (from: Y.Doc, to: Y.Doc): void => {
    from.on('update', (u: Uint8Array, o: unknown) => {
      if (o !== LINK) Y.applyUpdate(to, u, LINK);
    });
  };
  pipe(pa, pb);
  pipe(pb, pa);
  echo(pb.getText('t'), () => undefined);
  const q: number[] = [];
  const p: number[] = [];
  const qCpu: number[] = [];
  const pCpu: number[] = [];
  // CPU time per round trip over each block (process.cpuUsage): both engines share this
  // process and do nothing else, so preemption by other jobs on the machine is not counted.
  const block = async (
    out: number[],
    cpu: number[],
    trip: () => Promise<number>,
  ): Promise<void> => {
    const c0 = process.cpuUsage();
    for (let i = 0; i < count; i++) out.push(await trip());
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000 / count);
  };
  for (let rep = 0; rep < 4; rep++) {
    await block(q, qCpu, () => roundTrip(ta, () => void a.flush()));
    await block(p, pCpu, () => roundTrip(pa.getText('t'), () => undefined));
  }
  await a.close();
  await b.close();
  pa.destroy();
  pb.destroy();
  return {
    quireMs: median(q),
    plainMs: median(p),
    quireCpuMs: median(qCpu),
    plainCpuMs: median(pCpu),
  };
}
