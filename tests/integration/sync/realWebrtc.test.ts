/**
 * The encrypted sync engine over real WebRTC (@roamhq/wrtc), one Node process per member, on
 * loopback through the project's rendezvous server: concurrent editing converges, and a member
 * joining cold receives a multi-megabyte wire doc.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSignalServer, type SignalServer } from '../../../node/signal/SignalServer.ts';
import { createPeerPool, type PeerProcess } from '../transport/peerProcess.ts';
import {
  converge,
  fixedCell,
  identities,
  noEscapes,
  randomHex,
  spawnPeers,
  tempDirs,
  waitAll,
  printIfFailed,
  type PeerStatus,
  type Reached,
} from './syncCluster.ts';

const ALPHABETS = ['abcdefgh', 'ABCDEFGH', '01234567'];
const MIB = 1024 * 1024;

interface Diag {
  diagnostics: Record<string, number>;
  transport: { chunks: { framesReceived: number; messagesReceived: number } };
}

describe('encrypted sync over real WebRTC', () => {
  const pool = createPeerPool();
  const dirs = tempDirs();
  let server: SignalServer;
  let peers: PeerProcess[] = [];
  beforeEach(async () => {
    server = await startSignalServer({ host: '127.0.0.1', port: 0 });
  });
  afterEach(async ({ task }) => {
    await printIfFailed(task, peers);
    await pool.closeAll();
    peers = [];
    await server.close();
    await dirs.removeAll();
  });

  it('three members edit one draft concurrently and converge on identical text', async () => {
    peers = await spawnPeers(pool, ['A', 'B', 'C']);
    const cell = fixedCell(await identities(peers), server.url);
    // Both stores: A and C keep envelopes in a vault on disk, B in memory.
    const stores = [await dirs.make('A'), undefined, await dirs.make('C')];
    await Promise.all(
      peers.map((p, i) => p.request('openFixed', { ...cell, dir: stores[i] }, 30_000)),
    );
    await waitAll(peers, { peers: 2 });
    const doc = randomHex(16);
    const edits = await Promise.all(
      peers.map((p, i) =>
        p.request<{ inserted: number }>(
          'edit',
          { doc, count: 40, intervalMs: 25, alphabet: ALPHABETS[i], minLen: 1, maxLen: 6 },
          30_000,
        ),
      ),
    );
    const total = edits.reduce((n, e) => n + e.inserted, 0);
    await converge(peers, doc, total);
    // Every author's characters arrived, not just the right number of them.
    const { text } = await peers[0]!.request<{ text: string }>('text', { doc });
    ALPHABETS.forEach((alphabet, i) => {
      const mine = Array.from(text).filter((ch) => alphabet.includes(ch)).length;
      expect(mine, `${peers[i]!.name}'s chars`).toBe(edits[i]!.inserted);
    });
    // Honest peers: every envelope verified and applied, nothing rejected.
    for (const p of peers) {
      const { diagnostics } = await p.request<Diag>('diag');
      const rejected = Object.keys(diagnostics).filter((k) => k.startsWith('rejected.'));
      expect(rejected, `${p.name} rejected nothing`).toEqual([]);
      expect(diagnostics.applied).toBeGreaterThan(0);
    }
    noEscapes(peers);
  });

  it('a fourth member joins cold and receives a wire doc of more than 4 MB', async () => {
    peers = await spawnPeers(pool, ['A', 'B', 'C', 'D']);
    const [a, b, c, d] = peers as [PeerProcess, PeerProcess, PeerProcess, PeerProcess];
    // No rollover during the test: the whole history stays in generation 0.
    const limits = { rolloverBytes: 256 * MIB, rolloverEntries: 100_000 };
    const cell = { ...fixedCell(await identities(peers), server.url), limits };
    const bDir = await dirs.make('B');
    await Promise.all(
      [a, b, c].map((p) =>
        p.request('openFixed', { ...cell, dir: p === b ? bDir : undefined }, 30_000),
      ),
    );
    await waitAll([a, b, c], { peers: 2 });
    const doc = randomHex(16);
    // 44 envelopes of ~100 KB of random text each.
    const filled = await a.request<Reached & { wire: PeerStatus['wire'] }>(
      'bulk',
      { doc, count: 44, size: 100_000 },
      40_000,
    );
    expect(filled.wire.bytes).toBeGreaterThan(4 * MIB);
    expect(filled.wire.entries).toBe(44);
    await converge([a, b, c], doc, filled.length, 30_000);

    await d.request('openFixed', { ...cell, dir: await dirs.make('D') }, 30_000);
    const got = await d.request<Reached>(
      'waitDigest',
      { doc, hash: filled.hash, timeoutMs: 25_000 },
      30_000,
    );
    expect(got.reached, `D got the 4 MB text (after ${got.ms} ms)`).toBe(true);
    console.info(
      `cold join: ${filled.wire.bytes} bytes of wire doc, text complete in ${got.ms} ms`,
    );
    const [st] = await waitAll([d], { peers: 1 }, 5_000);
    expect(st!.generation).toBe(0);
    expect(st!.wire.entries).toBe(44);
    expect(st!.wire.bytes).toBe(filled.wire.bytes);
    // It came over WebRTC in <= 64 KiB frames, not in one (dropped) oversized message.
    const diag = await d.request<Diag>('diag');
    expect(diag.transport.chunks.framesReceived).toBeGreaterThanOrEqual(64);
    noEscapes(peers);
  });
});
