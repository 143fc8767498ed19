/**
 * Relay-only against a real TURN server (coturn on loopback, tests/support/startCoturn.ts): a
 * member with relay-only on reaches the others only through the relay, and neither the other
 * peers' WebRTC stacks nor anything sealed into signaling (what every peer of the room opens)
 * carries another of her candidates. With the TURN server gone she stays offline rather than
 * connecting directly; the control pair without relay-only connects directly.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSignalServer, type SignalServer } from '../../../node/signal/SignalServer.ts';
import { openSignalPayload } from '../../../shared/transport/openSignalPayload.ts';
import type { SignalPayload } from '../../../shared/transport/signalPayloadSchema.ts';
import { webSubtle } from '../../../shared/transport/SubtleAesGcm.ts';
import { startCoturn, type Coturn } from '../../support/startCoturn.ts';
import { createPeerPool, type PeerProcess } from './peerProcess.ts';

const PEER = 'tests/integration/transport/peer.ts';
const PASSWORD = 'relay-secret';
const PER_PEER = 10;

interface YWebrtcCrypto {
  deriveKey(secret: string, roomName: string): PromiseLike<CryptoKey>;
}
const cryptoModule: string = '../../../node_modules/y-webrtc/src/crypto.js';
const ycrypto = (await import(cryptoModule)) as YWebrtcCrypto;

interface Candidate {
  type: string;
  address: string;
  port: number;
}
interface IceReport {
  connections: {
    local: Candidate[];
    remote: Candidate[];
    pairs: { state: string; local: string; remote: string }[];
  }[];
}
interface Stats {
  transport: { signaling: { stalledConnections: number; nonRelayDropped: number } };
}

/** What every member of the room reads from the rendezvous: each relayed payload, opened. */
async function openAll(frames: readonly Uint8Array[], room: string): Promise<SignalPayload[]> {
  const key = await ycrypto.deriveKey(PASSWORD, room);
  const out: SignalPayload[] = [];
  for (const frame of frames) {
    const m = JSON.parse(Buffer.from(frame).toString('utf8')) as Record<string, unknown>;
    if (m.type !== 'publish' || m.topic !== room) continue;
    const opened = await openSignalPayload(m.data, key, webSubtle());
    if (opened.ok) out.push(opened.value);
  }
  return out;
}

/** Candidate lines a payload carries, in candidate signals or in an SDP. */
function candidateLines(p: SignalPayload): string[] {
  if (p.type !== 'signal') return [];
  const s = p.signal;
  if (s.type === 'candidate') return [s.candidate.candidate];
  if (s.type === 'offer' || s.type === 'answer')
    return s.sdp
      .split(/\r?\n/)
      .filter((l) => l.startsWith('a=candidate:'))
      .map((l) => l.slice(2));
  return [];
}
const typeOf = (line: string): string => line.trim().split(/\s+/)[7] ?? '?';
const endpointOf = (line: string): string => {
  const parts = line.trim().split(/\s+/);
  return `${parts[4]}:${parts[5]}`;
};

describe('relay-only through a real TURN server', () => {
  const pool = createPeerPool();
  let turn: Coturn;
  let server: SignalServer;
  let frames: Uint8Array[];
  beforeAll(async () => {
    turn = await startCoturn();
  });
  afterAll(async () => {
    await turn.stop();
  });
  beforeEach(async () => {
    frames = [];
    server = await startSignalServer({
      host: '127.0.0.1',
      port: 0,
      observer: (b) => frames.push(b),
    });
  });
  afterEach(async () => {
    await pool.closeAll();
    await server.close();
  });

  const spawnJoined = async (
    name: string,
    room: string,
    relayOnly: boolean,
    connectTimeoutMs = 15_000,
    ignorePolicy = false,
  ): Promise<PeerProcess> => {
    const p = await pool.spawn(PEER, { name });
    const joined = await p.request<{ error?: string }>('join', {
      signaling: server.url,
      room,
      password: PASSWORD,
      iceServers: [turn.iceServer],
      relayOnly,
      trackIce: true,
      connectTimeoutMs,
      ignorePolicy,
    });
    expect(joined.error).toBeUndefined();
    return p;
  };

  it('members converge, and the relay-only member is seen only through the relay', async () => {
    const room = 'relay-only-mesh';
    const a = await spawnJoined('A (relay-only)', room, true);
    const others = [await spawnJoined('B', room, false), await spawnJoined('C', room, false)];
    const peers = [a, ...others];
    for (const p of peers) {
      const mesh = await p.request<{ reached: boolean }>('waitStatus', {
        peers: 2,
        timeoutMs: 20_000,
      });
      expect(mesh.reached, `${p.name} connected to both others\n${turn.logs().slice(-2000)}`).toBe(
        true,
      );
    }
    await Promise.all(
      peers.map((p) => p.request('fill', { prefix: `${p.name}-`, entries: PER_PEER, size: 512 })),
    );
    const reached = await Promise.all(
      peers.map((p) =>
        p.request<{ reached: boolean; hash: string }>('waitFor', {
          entries: 3 * PER_PEER,
          timeoutMs: 15_000,
        }),
      ),
    );
    expect(reached.every((r) => r.reached)).toBe(true);
    expect(new Set(reached.map((r) => r.hash)).size).toBe(1);

    // A's own WebRTC stack: relay candidates only, every pair starts from one.
    const aIce = await a.request<IceReport>('ice');
    expect(aIce.connections).toHaveLength(2);
    const aRelays = new Set<string>();
    for (const c of aIce.connections) {
      expect(c.local.length).toBeGreaterThan(0);
      for (const l of c.local) {
        expect(l.type).toBe('relay');
        aRelays.add(`${l.address}:${l.port}`);
      }
      for (const pair of c.pairs) expect(pair.local).toBe('relay');
      expect(c.pairs.some((pair) => pair.state === 'succeeded')).toBe(true);
    }
    // B and C: the connection to A knows only A's relay candidates; the one between B and C
    // (the control) knows host candidates.
    for (const p of others) {
      const report = await p.request<IceReport>('ice');
      expect(report.connections).toHaveLength(2);
      const toA = report.connections.filter((c) =>
        c.remote.some((r) => aRelays.has(`${r.address}:${r.port}`)),
      );
      expect(toA, p.name).toHaveLength(1);
      for (const r of toA[0]!.remote) expect(r.type).toBe('relay');
      for (const pair of toA[0]!.pairs) expect(pair.remote).toBe('relay');
      const control = report.connections.find((c) => c !== toA[0])!;
      expect(control.remote.some((r) => r.type === 'host')).toBe(true);
    }

    // Signaling, opened with the room key as every member opens it.
    const payloads = await openAll(frames, room);
    const aIds = new Set(
      payloads
        .filter((p) => candidateLines(p).some((l) => aRelays.has(endpointOf(l))))
        .map((p) => p.from),
    );
    expect(aIds.size).toBe(1);
    const fromA = payloads.filter((p) => aIds.has(p.from));
    const linesFromA = fromA.flatMap(candidateLines);
    expect(linesFromA.length).toBeGreaterThan(0);
    for (const line of linesFromA) {
      expect(typeOf(line), line).toBe('relay');
      // The related address would be A's own address as the TURN server saw it.
      expect(line, line).toMatch(/ raddr 0\.0\.0\.0 rport 0\b/);
    }
    // Control: the observer does read the others' host candidates in the same signaling.
    const fromOthers = payloads.filter((p) => !aIds.has(p.from)).flatMap(candidateLines);
    expect(fromOthers.some((l) => typeOf(l) === 'host')).toBe(true);
    const hostEndpoints = fromOthers.filter((l) => typeOf(l) === 'host').map(endpointOf);
    for (const e of hostEndpoints) expect(JSON.stringify(fromA)).not.toContain(e);
  }, 90_000);

  it('second line: a stack that ignores the relay policy still seals only relay candidates', async () => {
    const room = 'relay-only-policy-ignored';
    const a = await spawnJoined('A (relay-only, policy ignored)', room, true, 15_000, true);
    const b = await spawnJoined('B', room, false);
    for (const p of [a, b]) {
      const up = await p.request<{ reached: boolean }>('waitStatus', {
        peers: 1,
        timeoutMs: 20_000,
      });
      expect(up.reached, p.name).toBe(true);
    }
    const aIce = await a.request<IceReport>('ice');
    const aLocal = aIce.connections.flatMap((c) => c.local);
    // The stack did gather host candidates (what the filter is for)...
    expect(aLocal.some((l) => l.type === 'host')).toBe(true);
    const s = await a.request<Stats>('stats');
    expect(s.transport.signaling.nonRelayDropped).toBeGreaterThan(0);
    // ...and none of them reached signaling.
    const aEndpoints = new Set(
      aLocal.filter((l) => l.type !== 'relay').map((l) => `${l.address}:${l.port}`),
    );
    const payloads = await openAll(frames, room);
    const lines = payloads.flatMap(candidateLines);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(aEndpoints.has(endpointOf(line)), line).toBe(false);
  }, 60_000);

  it('with the TURN server gone, relay-only stays offline; without relay-only it connects directly', async () => {
    await turn.stop();
    // Each pair in its own room, at once; a connection not made in 4 s is given up and counted.
    const [a, b, c, d] = await Promise.all([
      spawnJoined('A (relay-only)', 'no-turn', true, 4_000),
      spawnJoined('B', 'no-turn', false, 4_000),
      spawnJoined('C (control)', 'no-turn-control', false, 4_000),
      spawnJoined('D (control)', 'no-turn-control', false, 4_000),
    ]);
    for (const p of [c, d]) {
      const direct = await p.request<{ reached: boolean }>('waitStatus', {
        peers: 1,
        timeoutMs: 15_000,
      });
      expect(direct.reached, `${p.name} connected directly`).toBe(true);
    }
    // A's attempt with B must end (given up after the timeout), never connected.
    const deadline = performance.now() + 20_000;
    let given = false;
    while (!given && performance.now() < deadline) {
      const s = await a.request<Stats>('stats');
      given = s.transport.signaling.stalledConnections > 0;
      if (!given) await new Promise((r) => setTimeout(r, 200));
    }
    expect(given).toBe(true);
    for (const p of [a, b]) {
      const s = await p.request<{ peers: number; connects: number; signalingConnected: boolean }>(
        'status',
      );
      expect(s.signalingConnected).toBe(true);
      expect(s.peers).toBe(0);
      expect(s.connects, `${p.name} never connected`).toBe(0);
    }
  }, 60_000);
});
