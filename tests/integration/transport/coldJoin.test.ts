import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSignalServer, type SignalServer } from '../../../node/signal/SignalServer.ts';
import { createPeerPool, type PeerProcess } from './peerProcess.ts';

const PEER = 'tests/integration/transport/peer.ts';
// 64 entries x 64 KiB = 4 MiB: the whole doc travels as one y-webrtc sync message.
const ENTRIES = 64;
const SIZE = 64 * 1024;

interface Digest {
  entries: number;
  bytes: number;
  hash: string;
}
interface Reached extends Digest {
  reached: boolean;
  ms: number;
}

describe('cold join of a multi-MB wire doc', () => {
  const pool = createPeerPool();
  let server: SignalServer;
  beforeEach(async () => {
    server = await startSignalServer({ host: '127.0.0.1', port: 0 });
  });
  afterEach(async () => {
    await pool.closeAll();
    await server.close();
  });

  const twoPeers = async (
    joinArgs: Record<string, unknown>,
  ): Promise<[PeerProcess, PeerProcess, Digest]> => {
    const [a, b] = await Promise.all([
      pool.spawn(PEER, { name: 'A' }),
      pool.spawn(PEER, { name: 'B' }),
    ]);
    const filled = await a.request<Digest>('fill', { prefix: 'env', entries: ENTRIES, size: SIZE });
    expect(filled.bytes).toBeGreaterThanOrEqual(4 * 1024 * 1024);
    const join = {
      signaling: server.url,
      room: 'cold-join',
      password: 'transport secret',
      ...joinArgs,
    };
    // A is in the room before B arrives: a cold join, and no glare between two plain y-webrtc peers.
    await a.request('join', join);
    await a.request('waitStatus', { signalingConnected: true, roomReady: true, timeoutMs: 10_000 });
    await b.request('join', join);
    return [a, b, filled];
  };

  it.each<[string, Record<string, unknown>]>([
    ['the transport', {}],
    ['plain y-webrtc given only the wrapper', { mode: 'raw', chunking: true }],
  ])('arrives whole through %s', async (_label, joinArgs) => {
    const [a, b, filled] = await twoPeers(joinArgs);
    const got = await b.request<Reached>(
      'waitFor',
      { entries: ENTRIES, hash: filled.hash, timeoutMs: 20_000 },
      25_000,
    );
    expect(got.reached).toBe(true);
    expect(got.hash).toBe(filled.hash);
    expect(got.bytes).toBe(filled.bytes);
    if (joinArgs.mode === undefined) {
      // It crossed as frames, not as one oversized message.
      const stats = await a.request<{ transport: { chunks: { framesSent: number } } }>('stats');
      expect(stats.transport.chunks.framesSent).toBeGreaterThanOrEqual(64);
    }
  });

  it('arrives when both join at the same moment (no offer glare)', async () => {
    const [a, b] = await Promise.all([
      pool.spawn(PEER, { name: 'A' }),
      pool.spawn(PEER, { name: 'B' }),
    ]);
    const filled = await a.request<Digest>('fill', { prefix: 'env', entries: ENTRIES, size: SIZE });
    const join = { signaling: server.url, room: 'simultaneous', password: 'transport secret' };
    await Promise.all([a.request('join', join), b.request('join', join)]);
    // Well under the 15 s stall expiry: a glare stall must fail this, not be papered over.
    const got = await b.request<Reached>(
      'waitFor',
      { entries: ENTRIES, hash: filled.hash, timeoutMs: 8_000 },
      12_000,
    );
    expect(got.reached).toBe(true);
  });

  it('never arrives without it (control: plain y-webrtc over the same WebRTC stack)', async () => {
    const [, b] = await twoPeers({ mode: 'raw', chunking: false });
    // The peers do connect, so the join fails on the message size, not on connectivity.
    const connected = await b.request<{ reached: boolean }>('waitStatus', {
      connects: 1,
      timeoutMs: 15_000,
    });
    expect(connected.reached).toBe(true);
    const got = await b.request<Reached>('waitFor', { entries: ENTRIES, timeoutMs: 5_000 }, 10_000);
    expect(got.reached).toBe(false);
    expect(got.entries).toBe(0);
  });
});
