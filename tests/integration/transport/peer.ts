/**
 * One transport peer in its own process, driven by peerProcess.ts. It holds a wire doc (a Y.Map
 * 'wire' of Uint8Array entries, as the real one) and joins one room, in one of two modes:
 *   transport  node/transport's createNodeTransport (chunking, guards, rejection filter)
 *   raw        plain y-webrtc with plain ws and no guard, chunked or not: the controls
 *
 * Commands (see the handlers): join, fill, put, digest, waitFor, waitStatus, status, stats, close.
 * Events: unhandledRejection / uncaughtException (anything that got past containment; in raw
 * mode, everything), each with `message`.
 */
import wrtc from '@roamhq/wrtc';
import { createHash, randomBytes } from 'node:crypto';
import { WebSocket } from 'ws';
import { WebrtcProvider } from 'y-webrtc';
import * as Y from 'yjs';
import { createNodeTransport, nodeRtcPlatform } from '../../../node/transport/nodeWebrtc.ts';
import { installYWebrtcRejectionFilter } from '../../../node/transport/installYWebrtcRejectionFilter.ts';
import { guardedWebSocketErrors } from '../../../node/transport/GuardedWebSocket.ts';
import { classifyYWebrtcRejection } from '../../../shared/transport/classifyYWebrtcRejection.ts';
import { wrapRtcForChunking } from '../../../shared/transport/wrapRtcForChunking.ts';
import type { Room, RoomStatus } from '../../../shared/transport/Transport.ts';
import {
  createYWebrtcTransport,
  type YWebrtcTransport,
} from '../../../shared/transport/createYWebrtcTransport.ts';
import type { IceServer } from '../../../shared/transport/Transport.ts';
import { runPeerChild, type CommandArgs } from './runPeerChild.ts';

const doc = new Y.Doc();
const wire = doc.getMap<Uint8Array>('wire');
let transport: YWebrtcTransport | undefined;
let room: Room | undefined;
let raw: WebrtcProvider | undefined;
let filtered = false;
let escapedRejections = 0;
let escapedExceptions = 0;
/** WebRTC connections that reached 'connect', however briefly (an oversized send kills them). */
let connects = 0;

const child = runPeerChild({
  join,
  fill,
  put,
  digest: () => digest(),
  waitFor,
  waitStatus,
  status: () => ({ ...status(), connects, roomReady: roomReady() }),
  stats,
  close,
  conns,
  ice,
  resources: () => ({ resources: process.getActiveResourcesInfo() }),
});

process.on('unhandledRejection', (reason) => {
  if (filtered && classifyYWebrtcRejection(reason) !== undefined) return;
  escapedRejections += 1;
  child.emit('unhandledRejection', {
    message: String((reason as Error | undefined)?.stack ?? reason),
  });
});
process.on('uncaughtException', (e) => {
  escapedExceptions += 1;
  child.emit('uncaughtException', { message: String(e.stack ?? e) });
});

const str = (args: CommandArgs, key: string): string => {
  const v = args[key];
  if (typeof v !== 'string') throw new Error(`${key} must be a string`);
  return v;
};
const num = (args: CommandArgs, key: string, fallback?: number): number => {
  const v = args[key] ?? fallback;
  if (typeof v !== 'number') throw new Error(`${key} must be a number`);
  return v;
};

function join(args: CommandArgs): Record<string, unknown> {
  const config = {
    roomName: str(args, 'room'),
    password: str(args, 'password'),
    signaling: [str(args, 'signaling')],
    iceServers: Array.isArray(args.iceServers) ? (args.iceServers as IceServer[]) : [],
    relayOnly: args.relayOnly === true,
  };
  if (args.mode === 'raw') {
    (globalThis as { WebSocket?: unknown }).WebSocket = WebSocket;
    const RTCPeerConnection =
      args.chunking === true ? wrapRtcForChunking(wrtc.RTCPeerConnection) : wrtc.RTCPeerConnection;
    raw = new WebrtcProvider(config.roomName, doc, {
      signaling: config.signaling,
      password: config.password,
      peerOpts: { wrtc: { ...wrtc, RTCPeerConnection }, config: { iceServers: [] } },
    });
    const hooked = new WeakSet<object>();
    raw.on('peers', () => {
      const r = raw as unknown as {
        room: { webrtcConns: Map<string, { peer: { on(e: string, f: () => void): void } }> } | null;
      };
      r.room?.webrtcConns.forEach(({ peer }) => {
        if (hooked.has(peer)) return;
        hooked.add(peer);
        peer.on('connect', () => (connects += 1));
      });
    });
    return {};
  }
  transport ??=
    args.trackIce === true
      ? createTrackingTransport(num(args, 'connectTimeoutMs', 15_000), args.ignorePolicy === true)
      : createNodeTransport();
  installYWebrtcRejectionFilter();
  filtered = true;
  const joined = transport.tryJoin(config, doc);
  if (!joined.ok) return { error: joined.error };
  room = joined.value;
  let last = 0;
  room.onStatus((st) => {
    if (st.peers > last) connects += st.peers - last;
    last = st.peers;
  });
  return {};
}

/** Every RTCPeerConnection the transport made (trackIce), for `ice`. */
interface TrackedPc {
  readonly connectionState: string;
  getStats(): Promise<Map<string, unknown>>;
}
const connections = new Set<TrackedPc>();

/** ignorePolicy: a WebRTC stack that ignores iceTransportPolicy (tests the second line). */
function createTrackingTransport(
  connectTimeoutMs: number,
  ignorePolicy: boolean,
): YWebrtcTransport {
  const platform = nodeRtcPlatform();
  const RTCPeerConnection = new Proxy(platform.wrtc.RTCPeerConnection, {
    construct(target, a) {
      if (ignorePolicy && typeof a[0] === 'object' && a[0] !== null)
        a[0] = { ...(a[0] as object), iceTransportPolicy: 'all' };
      const pc = Reflect.construct(target, a) as TrackedPc;
      connections.add(pc);
      return pc;
    },
  });
  return createYWebrtcTransport(
    { wrtc: { ...platform.wrtc, RTCPeerConnection } },
    { connectTimeoutMs },
  );
}

interface IceCandidateStats {
  type: string;
  address: string;
  port: number;
}

/** getStats of each connected RTCPeerConnection: its candidates and candidate pairs, by type. */
async function ice(): Promise<Record<string, unknown>> {
  const out = [];
  for (const pc of connections) {
    if (pc.connectionState !== 'connected') continue;
    const report = await pc.getStats();
    const candidates = new Map<string, IceCandidateStats & { local: boolean }>();
    const pairs: { state: string; nominated: boolean; local: string; remote: string }[] = [];
    type Stat = Record<string, unknown>;
    for (const s of report.values() as Iterable<Stat>) {
      if (s.type === 'local-candidate' || s.type === 'remote-candidate')
        candidates.set(String(s.id), {
          local: s.type === 'local-candidate',
          type: String(s.candidateType),
          address: String(s.address ?? s.ip),
          port: Number(s.port),
        });
    }
    for (const s of report.values() as Iterable<Stat>) {
      if (s.type !== 'candidate-pair') continue;
      pairs.push({
        state: String(s.state),
        nominated: s.nominated === true,
        local: candidates.get(String(s.localCandidateId))?.type ?? 'unknown',
        remote: candidates.get(String(s.remoteCandidateId))?.type ?? 'unknown',
      });
    }
    const list = [...candidates.values()];
    out.push({
      local: list
        .filter((c) => c.local)
        .map(({ type, address, port }) => ({ type, address, port })),
      remote: list
        .filter((c) => !c.local)
        .map(({ type, address, port }) => ({ type, address, port })),
      pairs,
    });
  }
  return { connections: out };
}

/**
 * Adds `entries` random entries of `size` bytes, generated here so MBs never cross stdio; into the
 * map named `map` if given (`envelopes`: junk in a real engine's wire doc), else 'wire'.
 */
function fill(args: CommandArgs): Record<string, unknown> {
  const prefix = str(args, 'prefix');
  const entries = num(args, 'entries');
  const size = num(args, 'size');
  const target = typeof args.map === 'string' ? doc.getMap<Uint8Array>(args.map) : wire;
  doc.transact(() => {
    for (let i = 0; i < entries; i++)
      target.set(`${prefix}${i}`, new Uint8Array(randomBytes(size)));
  });
  return digest();
}

function put(args: CommandArgs): Record<string, unknown> {
  wire.set(str(args, 'key'), new Uint8Array(randomBytes(num(args, 'size', 32))));
  return digest();
}

function digest(): { entries: number; bytes: number; hash: string } {
  const h = createHash('sha256');
  let bytes = 0;
  for (const key of [...wire.keys()].sort()) {
    const value = wire.get(key)!;
    h.update(`${key}:${value.length}:`).update(value);
    bytes += value.length;
  }
  return { entries: wire.size, bytes, hash: h.digest('hex') };
}

/** Resolves when the doc has `entries` entries (and `hash`, if given), or reports a timeout. */
function waitFor(args: CommandArgs): Promise<Record<string, unknown>> {
  const entries = num(args, 'entries');
  const hash = typeof args.hash === 'string' ? args.hash : undefined;
  const start = performance.now();
  return new Promise((resolve) => {
    const check = (): boolean => {
      const d = digest();
      if (d.entries < entries || (hash !== undefined && d.hash !== hash)) return false;
      doc.off('update', check);
      clearTimeout(timer);
      resolve({ reached: true, ms: Math.round(performance.now() - start), ...d });
      return true;
    };
    const timer = setTimeout(
      () => {
        doc.off('update', check);
        resolve({ reached: false, ms: Math.round(performance.now() - start), ...digest() });
      },
      num(args, 'timeoutMs'),
    );
    if (!check()) doc.on('update', check);
  });
}

/** y-webrtc's room exists (its key is derived), so it has subscribed and announced. */
function roomReady(): boolean {
  const p = raw as unknown as { room: unknown } | undefined;
  return room !== undefined || (p !== undefined && p.room !== null);
}

function status(): RoomStatus {
  if (room !== undefined) return room.status();
  const r = raw as unknown as
    | {
        room: { webrtcConns: Map<string, { connected: boolean }> } | null;
        signalingConns: { connected: boolean }[];
      }
    | undefined;
  if (r === undefined) return { signalingConnected: false, peers: 0 };
  let peers = 0;
  r.room?.webrtcConns.forEach((c) => (peers += c.connected ? 1 : 0));
  return { signalingConnected: r.signalingConns.some((c) => c.connected), peers };
}

/** Resolves once status reaches at least `peers` (and signalingConnected, if given). */
async function waitStatus(args: CommandArgs): Promise<Record<string, unknown>> {
  const peers = num(args, 'peers', 0);
  const minConnects = num(args, 'connects', 0);
  const exact = args.exact === true;
  const deadline = performance.now() + num(args, 'timeoutMs', 15_000);
  for (;;) {
    const s = status();
    const peersOk = exact ? s.peers === peers : s.peers >= peers;
    const sigOk =
      typeof args.signalingConnected !== 'boolean' ||
      s.signalingConnected === args.signalingConnected;
    const readyOk = args.roomReady !== true || roomReady();
    if (peersOk && sigOk && readyOk && connects >= minConnects)
      return { reached: true, ...s, connects };
    if (performance.now() > deadline) return { reached: false, ...s, connects };
    await new Promise((r) => setTimeout(r, 50));
  }
}

function stats(): Record<string, unknown> {
  return {
    transport: transport?.stats(),
    swallowed: filtered ? installYWebrtcRejectionFilter().swallowed() : 0,
    socketHandlerErrors: guardedWebSocketErrors(),
    escapedRejections,
    escapedExceptions,
  };
}

function close(): Record<string, unknown> {
  room?.close();
  room = undefined;
  if (raw !== undefined) {
    raw.disconnect();
    raw.destroy();
    raw = undefined;
  }
  return {};
}

/** Diagnostics (raw mode): y-webrtc's view of each WebRTC connection. */
function conns(): Record<string, unknown> {
  type Conn = {
    connected: boolean;
    closed: boolean;
    glareToken?: number;
    peer: {
      initiator: boolean;
      destroyed: boolean;
      _pc: { signalingState: string; connectionState: string; iceConnectionState: string } | null;
    };
  };
  const r = raw as unknown as
    { room: { peerId: string; webrtcConns: Map<string, Conn> } | null } | undefined;
  const out: Record<string, unknown> = { self: r?.room?.peerId };
  r?.room?.webrtcConns.forEach((c, id) => {
    out[id] = {
      connected: c.connected,
      closed: c.closed,
      glare: c.glareToken,
      initiator: c.peer.initiator,
      destroyed: c.peer.destroyed,
      sig: c.peer._pc?.signalingState,
      conn: c.peer._pc?.connectionState,
      ice: c.peer._pc?.iceConnectionState,
    };
  });
  return out;
}
