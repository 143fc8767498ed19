/**
 * One bench peer in its own process (y-webrtc: one room per name per JS context), driven over
 * stdio by tests/integration/transport/peerProcess.ts. Two modes over the same rendezvous server
 * and @roamhq/wrtc:
 *   quire  CellSync (fixed roster, MemorySyncStore, optionally preloaded) over createNodeTransport
 *   plain  one Y.Doc and a plain y-webrtc WebrtcProvider with a password (the baseline)
 * Commands: open (linkDelayMs: simulated one-way delay), waitPeers, echo, pingPong, edit,
 * waitLength, digest, typeText, watchStart, watchTake, close, diag, timeline,
 * profileStart, profileStop {path} (a .cpuprofile, for investigating a missed target).
 */
import wrtc from '@roamhq/wrtc';
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { WebSocket } from 'ws';
import { WebrtcProvider } from 'y-webrtc';
import * as Y from 'yjs';
import { createNodeTransport } from '../../node/transport/nodeWebrtc.ts';
import { createChunkStats } from '../../shared/transport/ChunkStats.ts';
import type { YWebrtcTransport } from '../../shared/transport/createYWebrtcTransport.ts';
import { CellSync } from '../../shared/sync/CellSync.ts';
import { fixedRoster } from '../../shared/sync/fixedRoster.ts';
import { MemorySyncStore } from '../../shared/sync/MemorySyncStore.ts';
import { wrapRtcForChunking } from '../../shared/transport/wrapRtcForChunking.ts';
import { runPeerChild, type CommandArgs } from '../../tests/integration/transport/runPeerChild.ts';
import { cellFromArgs, hexBytes, keysFromHex } from '../benchCell.ts';
import { liveHeap } from '../gc.ts';
import { loadStoreFile } from '../storeFile.ts';
import { EditTimeline } from './editTimeline.ts';
import { LagWatch, typeText } from './lagProbe.ts';
import { setLinkDelay } from './linkDelay.ts';

type PlainRoom = { webrtcConns: Map<string, { connected: boolean }> } | null;

let sync: CellSync | undefined;
let plain: { doc: Y.Doc; provider: WebrtcProvider } | undefined;
let text: Y.Text | undefined;
let openedAt = 0;
/** One transport per process, as in the app; the plain side's chunking counters alike. */
let nodeTransport: YWebrtcTransport | undefined;
const plainChunks = createChunkStats();
const timeline = new EditTimeline();
const lagWatch = new LagWatch();

const nowEpoch = (): number => performance.timeOrigin + performance.now();
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

const str = (a: CommandArgs, k: string): string => {
  const v = a[k];
  if (typeof v !== 'string') throw new Error(`${k} must be a string`);
  return v;
};
const num = (a: CommandArgs, k: string, fallback?: number): number => {
  const v = a[k] ?? fallback;
  if (typeof v !== 'number') throw new Error(`${k} must be a number`);
  return v;
};
const theText = (): Y.Text => {
  if (!text) throw new Error('not open');
  return text;
};

/** After a local edit: Quire seals at once (the latency runs measure the pipeline, not the batch window). */
const flush = (): Promise<void> => sync?.flush() ?? Promise.resolve();

async function open(a: CommandArgs): Promise<Record<string, unknown>> {
  const signaling = [str(a, 'signaling')];
  setLinkDelay(num(a, 'linkDelayMs', 0));
  if (a['mode'] === 'plain') {
    (globalThis as { WebSocket?: unknown }).WebSocket = WebSocket;
    const doc = new Y.Doc();
    if (typeof a['stateFile'] === 'string') Y.applyUpdate(doc, await readFile(a['stateFile']));
    openedAt = performance.now();
    const RTCPeerConnection = wrapRtcForChunking(wrtc.RTCPeerConnection, { stats: plainChunks });
    const provider = new WebrtcProvider(str(a, 'room'), doc, {
      signaling,
      password: str(a, 'password'),
      peerOpts: { wrtc: { ...wrtc, RTCPeerConnection }, config: { iceServers: [] } },
    });
    plain = { doc, provider };
    text = doc.getText('t');
    timeline.watchText(text);
    timeline.watchSyncedDoc(doc);
    return {};
  }
  const cell = await cellFromArgs(a);
  const me = keysFromHex(a['me']);
  const members = (a['members'] as unknown[]).map((m) => ({
    signPk: hexBytes(m, 'member'),
    role: 'writer' as const,
  }));
  const store =
    typeof a['storeFile'] === 'string'
      ? await loadStoreFile(a['storeFile'])
      : new MemorySyncStore();
  openedAt = performance.now();
  sync = await CellSync.open({
    cellId: cell.cellId,
    me,
    epoch: 0,
    secretsFor: (e) => (e === 0 ? cell.secrets : undefined),
    roster: fixedRoster(members),
    store,
    transport: timeline.transport(() => (nodeTransport ??= createNodeTransport())),
    signaling,
    iceServers: [],
  });
  text = sync.doc(cell.docId).getText('t');
  timeline.watchText(text);
  return { openMs: performance.now() - openedAt };
}

function peers(): number {
  if (sync) return sync.status().peers;
  let n = 0;
  (plain?.provider as unknown as { room: PlainRoom } | undefined)?.room?.webrtcConns.forEach(
    (c) => (n += c.connected ? 1 : 0),
  );
  return n;
}

async function waitPeers(a: CommandArgs): Promise<Record<string, unknown>> {
  const deadline = performance.now() + num(a, 'timeoutMs', 30_000);
  const want = num(a, 'peers');
  while (peers() < want && performance.now() < deadline) await sleep(25);
  return { reached: peers() >= want, peers: peers() };
}

/** The far side of pingPong: every remote edit that leaves the length odd gets one char back. */
function echo(): Record<string, unknown> {
  const t = theText();
  t.observe((_event, tr) => {
    if (tr.local || t.length % 2 === 0) return;
    queueMicrotask(() => {
      t.insert(t.length, 'y');
      void flush();
    });
  });
  return {};
}

/** Round trips: append one char, wait for the echo; the time of each, in ms. */
async function pingPong(a: CommandArgs): Promise<Record<string, unknown>> {
  const t = theText();
  const samples: number[] = [];
  const count = num(a, 'count');
  const pauseMs = num(a, 'pauseMs', 10);
  const timeoutMs = num(a, 'timeoutMs', 5000);
  for (let i = 0; i < count; i++) {
    if (t.length % 2 === 1) throw new Error('text length odd before a ping');
    const target = t.length + 2;
    const echoed = new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => {
        t.unobserve(check);
        resolve(false);
      }, timeoutMs);
      function check(): void {
        if (t.length < target) return;
        clearTimeout(timer);
        t.unobserve(check);
        resolve(true);
      }
      t.observe(check);
    });
    const start = performance.now();
    t.insert(t.length, 'x');
    void flush();
    if (!(await echoed)) return { samples, timedOut: true };
    samples.push(performance.now() - start);
    await sleep(pauseMs);
  }
  return { samples, timedOut: false };
}

/** `count` inserts of `len` random letters at random positions, `intervalMs` apart; then flush. */
async function edit(a: CommandArgs): Promise<Record<string, unknown>> {
  const t = theText();
  const len = num(a, 'len', 4);
  const intervalMs = num(a, 'intervalMs', 5);
  for (let i = 0, n = num(a, 'count'); i < n; i++) {
    let s = '';
    for (let j = 0; j < len; j++) s += String.fromCharCode(97 + Math.floor(Math.random() * 26));
    t.insert(Math.floor(Math.random() * (t.length + 1)), s);
    if (intervalMs > 0) await sleep(intervalMs);
  }
  await flush();
  return { doneAt: nowEpoch() };
}

function digest(): { length: number; hash: string } {
  const s = theText().toJSON();
  return { length: s.length, hash: createHash('sha256').update(s).digest('hex') };
}

/** Resolves when the text reaches `length`: when (epoch ms) and how long after open (ms). */
function waitLength(a: CommandArgs): Promise<Record<string, unknown>> {
  const t = theText();
  const want = num(a, 'length');
  const reply = (reached: boolean): Record<string, unknown> => {
    const at = performance.now();
    return { reached, at: performance.timeOrigin + at, sinceOpenMs: at - openedAt, ...digest() };
  };
  if (t.length >= want) return Promise.resolve(reply(true));
  return new Promise((resolve) => {
    const timer = setTimeout(
      () => {
        t.unobserve(check);
        resolve(reply(false));
      },
      num(a, 'timeoutMs', 60_000),
    );
    function check(): void {
      if (t.length < want) return;
      clearTimeout(timer);
      t.unobserve(check);
      resolve(reply(true));
    }
    t.observe(check);
  });
}

async function close(): Promise<Record<string, unknown>> {
  await sync?.close();
  if (plain) {
    plain.provider.disconnect();
    plain.provider.destroy();
    plain.doc.destroy();
  }
  sync = undefined;
  plain = undefined;
  setLinkDelay(0);
  return {};
}

/** Connection state for failure messages. */
function diag(): Record<string, unknown> {
  const provider = plain?.provider as unknown as
    | {
        room: { webrtcConns: Map<string, { connected: boolean; closed: boolean }> } | null;
        signalingConns: { connected: boolean }[];
      }
    | undefined;
  const conns: unknown[] = [];
  provider?.room?.webrtcConns.forEach((c, id) =>
    conns.push({ id, connected: c.connected, closed: c.closed }),
  );
  return {
    mode: sync ? 'quire' : plain ? 'plain' : 'none',
    status: sync?.status(),
    signaling: provider?.signalingConns.map((c) => c.connected),
    conns,
    diagnostics: sync?.diagnostics.snapshot(),
    chunks: sync ? nodeTransport?.stats().chunks : plainChunks,
  };
}

/** CPU profiles for investigating a miss (--cpu-prof is not allowed in NODE_OPTIONS). */
let profiler: Session | undefined;
async function profileStart(): Promise<Record<string, unknown>> {
  profiler = new Session();
  profiler.connect();
  await profiler.post('Profiler.enable');
  await profiler.post('Profiler.start');
  return {};
}
async function profileStop(a: CommandArgs): Promise<Record<string, unknown>> {
  if (!profiler) throw new Error('no profile running');
  const { profile } = await profiler.post('Profiler.stop');
  await writeFile(str(a, 'path'), JSON.stringify(profile));
  profiler.disconnect();
  profiler = undefined;
  return {};
}

const child = runPeerChild({
  timeline: () => ({ marks: timeline.take() }),
  profileStart,
  profileStop,
  diag,
  open,
  waitPeers,
  echo,
  pingPong,
  edit,
  waitLength,
  digest: () => digest(),
  typeText: async (a) => {
    const gaps = a['gaps'];
    if (!Array.isArray(gaps) || !gaps.every((g) => typeof g === 'number'))
      throw new Error('gaps must be numbers');
    return { sentAt: await typeText(theText(), str(a, 'text'), gaps) };
  },
  watchStart: () => {
    lagWatch.start(theText());
    return { length: theText().length };
  },
  watchTake: () => ({ marks: lagWatch.take() }),
  heap: () => ({ heapUsed: liveHeap() }),
  close,
});
process.on('unhandledRejection', (reason) => {
  child.emit('unhandledRejection', { message: String(reason) });
});
