import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSignalServer, type SignalServer } from '../../../node/signal/SignalServer.ts';
import { createQuireRunner, ok } from '../cli/quireProcess.ts';
import { createPeerPool, type PeerProcess } from '../transport/peerProcess.ts';
import type { ConnectionRecord } from './probeRtc.ts';

/**
 * Issue 13 item 6 / issue 16 item 4: an invite code must not give away where the coordinator
 * hosting it, or the person joining with it, is. The real `quire` command hosts the invite (serve)
 * and joins with it (join); an interceptor holding nothing but the code joins the invite room the
 * way any y-webrtc peer would, with a probe on every WebRTC connection it makes. A control peer
 * (also holding only the code) sits in the same room: the interceptor reaching the control shows
 * the probe does see a peer's ICE candidates whenever a peer is there to be seen.
 */
const PASS = 'copper kettle 92 midnight';
const INTERCEPTOR = 'tests/integration/join/interceptorPeer.ts';

interface Probe {
  readonly connections: readonly ConnectionRecord[];
  readonly peers: number;
}

const until = async (check: () => boolean | Promise<boolean>, ms: number): Promise<boolean> => {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return check();
};

const probe = (p: PeerProcess): Promise<Probe> => p.request<Probe>('probe');

/** The address part of each candidate line (`candidate:… <ip> <port> typ …`). */
const addresses = (records: readonly ConnectionRecord[]): string[] =>
  records.flatMap((r) => r.remoteCandidates.map((c) => c.split(' ')[4] ?? c));

describe('invite code interceptor', () => {
  const q = createQuireRunner({ QUIRE_PASSPHRASE: PASS });
  const pool = createPeerPool();
  const dirs: string[] = [];
  let server: SignalServer;
  beforeEach(async () => {
    server = await startSignalServer({ host: '127.0.0.1', port: 0 });
  });
  afterEach(async () => {
    await pool.closeAll();
    await q.killAll();
    await server.close();
  });
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it(
    'learns no ICE candidate of the coordinator or the joiner, before approval or after',
    { timeout: 240_000 },
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'quire-leak-'));
      dirs.push(dir);
      const home = (who: string): string => join(dir, who);
      await Promise.all(['a', 'b'].map(async (w) => ok(await q.run(['init', '--home', home(w)]))));
      const [cell] = ok(
        await q.run([
          'cell',
          'create',
          '--home',
          home('a'),
          '--name',
          'Printers',
          '--pseudonym',
          'Anna',
          '--signal',
          server.url,
        ]),
      );
      const [code] = ok(await q.run(['invite', 'create', '--home', home('a'), '--cell', cell!]));
      expect(code).toMatch(/^QUIRE1-/);

      // The interceptor and the control meet in the invite room first.
      const [interceptor, control] = await Promise.all([
        pool.spawn(INTERCEPTOR, { name: 'interceptor' }),
        pool.spawn(INTERCEPTOR, { name: 'control' }),
      ]);
      await interceptor.request('join', { code });
      await control.request('join', { code });
      expect(await until(async () => (await probe(interceptor)).peers >= 1, 30_000)).toBe(true);

      // The joiner waits for a coordinator (none online yet), then the coordinator hosts the
      // invite and admits it (--approve-all: the interceptor never asks to be admitted).
      const joining = q.run(
        ['join', '--home', home('b'), '--code', code!, '--pseudonym', 'Boris', '--timeout', '90'],
        { timeoutMs: 120_000 },
      );
      expect(await until(() => server.stats().connections >= 3, 60_000)).toBe(true);
      const serve = q.start(['serve', '--home', home('a'), '--approve-all']);
      expect(ok(await joining, 'join')).toEqual([cell]);
      expect((await serve.stop()).code).toBe(0);

      const seen = await probe(interceptor);
      const controlUfrags = new Set((await probe(control)).connections.map((c) => c.localUfrag));
      const reached = seen.connections.filter(
        (c) => c.remoteUfrag !== undefined || c.remoteCandidates.length > 0,
      );
      const fromControl = reached.filter((c) => controlUfrags.has(c.remoteUfrag));
      const fromOthers = reached.filter((c) => !fromControl.includes(c));
      // Control: the probe sees the candidates of a peer that is in the room.
      expect(addresses(fromControl).length).toBeGreaterThan(0);
      // The coordinator and the joiner were never that peer.
      expect(
        fromOthers.length,
        `WebRTC connections to the coordinator or the joiner, candidates: ${addresses(fromOthers).join(', ')}`,
      ).toBe(0);
    },
  );
});
