import { randomBytes } from 'node:crypto';
import * as encoding from 'lib0/encoding';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startSignalServer, type SignalServer } from '../../../node/signal/SignalServer.ts';
import { createPeerPool, type PeerProcess } from './peerProcess.ts';

const PEER = 'tests/integration/transport/peer.ts';
const ROOM = 'hostile-room';

interface Stats {
  swallowed: number;
  escapedRejections: number;
  escapedExceptions: number;
  transport?: { signaling: { dropped: Record<string, number>; passed: number } };
}

/** What a stranger on the rendezvous server can publish on our topic. */
function junkPayloads(): unknown[] {
  const container = encoding.createEncoder();
  encoding.writeVarString(container, 'AES-GCM');
  encoding.writeVarUint8Array(container, randomBytes(12));
  encoding.writeVarUint8Array(container, randomBytes(64));
  const wellFormed = Buffer.from(encoding.toUint8Array(container)).toString('base64');
  return [
    'not base64 at all !!',
    'AAAA',
    '',
    wellFormed,
    ...Array.from({ length: 8 }, () => randomBytes(48).toString('base64')),
    'A'.repeat(200_000),
    12345,
    null,
    {},
    [],
    { type: 'announce', from: 'x' },
  ];
}

async function publishJunk(url: string): Promise<void> {
  const ws = new WebSocket(url);
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  for (const data of junkPayloads())
    ws.send(JSON.stringify({ type: 'publish', topic: ROOM, data }));
  ws.send(JSON.stringify({ type: 'publish', topic: ROOM }));
  ws.send(randomBytes(100));
  await new Promise((r) => setTimeout(r, 300));
  ws.close();
}

describe('hostile traffic on the room topic', () => {
  const pool = createPeerPool();
  let server: SignalServer;
  beforeEach(async () => {
    server = await startSignalServer({ host: '127.0.0.1', port: 0 });
  });
  afterEach(async () => {
    await pool.closeAll();
    await server.close();
  });

  const spawnJoined = async (name: string, args: Record<string, unknown>): Promise<PeerProcess> => {
    const peer = await pool.spawn(PEER, { name });
    await peer.request('join', { signaling: server.url, room: ROOM, password: 'right', ...args });
    return peer;
  };

  it('neither crashes a Node peer nor stops it syncing, and nothing escapes containment', async () => {
    const [h1, h2] = await Promise.all([spawnJoined('H1', {}), spawnJoined('H2', {})]);
    expect((await h1.request<{ reached: boolean }>('waitStatus', { peers: 1 })).reached).toBe(true);
    // A wrong-password peer running plain y-webrtc, and (control) an honest peer running plain
    // y-webrtc without any of the containment, on the same topic.
    const [, control] = await Promise.all([
      spawnJoined('W', { mode: 'raw', chunking: true, password: 'wrong' }),
      spawnJoined('C', { mode: 'raw', chunking: true }),
    ]);
    await control.request('waitStatus', { signalingConnected: true, roomReady: true });
    await publishJunk(server.url);
    // Let the wrong-password peer's announces and retries arrive too.
    await new Promise((r) => setTimeout(r, 2_000));

    // Still alive and still syncing with the honest peer.
    const written = await h1.request<{ hash: string; entries: number }>('put', {
      key: 'after-attack',
      size: 1000,
    });
    const got = await h2.request<{ reached: boolean }>('waitFor', {
      entries: written.entries,
      hash: written.hash,
      timeoutMs: 10_000,
    });
    expect(got.reached).toBe(true);

    for (const peer of [h1, h2]) {
      const s = await peer.request<Stats>('stats');
      expect(peer.exitCode).toBeNull();
      expect(s.escapedRejections).toBe(0);
      expect(s.escapedExceptions).toBe(0);
      // The guard kept it all from y-webrtc: the process filter had nothing to catch.
      expect(s.swallowed).toBe(0);
      const dropped = s.transport!.signaling.dropped;
      expect(dropped.undecryptable).toBeGreaterThan(0);
      expect(dropped.bad_encoding).toBeGreaterThan(0);
      expect(dropped.malformed).toBeGreaterThan(0);
      expect(dropped.too_large).toBeGreaterThan(0);
    }
    expect(h1.events.filter((e) => e.event !== 'ready')).toEqual([]);

    // Control: the same traffic does reach plain y-webrtc as exceptions and rejections.
    const c = await control.request<Stats>('stats');
    expect(c.escapedRejections + c.escapedExceptions).toBeGreaterThan(0);
  });
});
