import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSignalServer, type SignalServer } from '../../../node/signal/SignalServer.ts';
import { createPeerPool } from './peerProcess.ts';

const PEER = 'tests/integration/transport/peer.ts';
const PER_PEER = 20;

interface Digest {
  entries: number;
  hash: string;
}

describe('three peers', () => {
  const pool = createPeerPool();
  let server: SignalServer;
  beforeEach(async () => {
    server = await startSignalServer({ host: '127.0.0.1', port: 0 });
  });
  afterEach(async () => {
    await pool.closeAll();
    await server.close();
  });

  it('form a full mesh and converge on concurrent writes', async () => {
    const peers = await Promise.all(['A', 'B', 'C'].map((name) => pool.spawn(PEER, { name })));
    // All join at once: the case where plain y-webrtc peers offer to each other (glare).
    await Promise.all(
      peers.map((p) =>
        p.request('join', { signaling: server.url, room: 'converge', password: 'secret' }),
      ),
    );
    for (const p of peers) {
      const mesh = await p.request<{ reached: boolean }>('waitStatus', {
        peers: 2,
        timeoutMs: 15_000,
      });
      expect(mesh.reached, `${p.name} connected to both others`).toBe(true);
    }
    // Concurrent: distinct keys from each, plus one key all three write.
    await Promise.all(
      peers.map(async (p) => {
        await p.request('fill', { prefix: `${p.name}-`, entries: PER_PEER, size: 2048 });
        await p.request('put', { key: 'contended', size: 64 });
      }),
    );
    const digests = await Promise.all(
      peers.map((p) =>
        p.request<Digest & { reached: boolean }>('waitFor', {
          entries: 3 * PER_PEER + 1,
          timeoutMs: 15_000,
        }),
      ),
    );
    for (const d of digests) expect(d.reached).toBe(true);
    // Same entries everywhere, and the contended key resolved the same way everywhere.
    const settled = await Promise.all(peers.map((p) => p.request<Digest>('digest')));
    expect(new Set(settled.map((d) => d.hash)).size).toBe(1);
    expect(settled[0]!.entries).toBe(3 * PER_PEER + 1);
  });
});
