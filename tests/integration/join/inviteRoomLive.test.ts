import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSignalServer, type SignalServer } from '../../../node/signal/SignalServer.ts';
import { createPeerPool } from '../transport/peerProcess.ts';

const PEER = 'tests/integration/join/joinPeer.ts';
/** Handles every Node process has here (stdio pipes, or a TTY). Anything else is a leak. */
const BASELINE = new Set(['PipeWrap', 'TTYWrap']);

interface Hosted {
  code: string;
  coordinatorSignPk: string;
  cellId: string;
}
interface Joined {
  joined: boolean;
  error?: string;
  states: string[];
  coordinatorSignPk?: string;
  cellId?: string;
  variant?: string;
}

const until = async (check: () => boolean | Promise<boolean>, ms: number): Promise<boolean> => {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return check();
};

describe('invite room on the real rendezvous server', () => {
  const pool = createPeerPool();
  let server: SignalServer;
  /** Everything the server relays: what its operator sees of the exchange. */
  let relayed: string[] = [];
  beforeEach(async () => {
    relayed = [];
    server = await startSignalServer({
      host: '127.0.0.1',
      port: 0,
      observer: (bytes) => relayed.push(Buffer.from(bytes).toString('utf8')),
    });
  });
  afterEach(async () => {
    await pool.closeAll();
    await server.close();
  });

  it('a joiner in another process is approved after comparing safety words, and gets its welcome', async () => {
    const [host, joiner] = await Promise.all([
      pool.spawn(PEER, { name: 'host' }),
      pool.spawn(PEER, { name: 'joiner' }),
    ]);
    const hosted = await host.request<Hosted>('host', { signaling: server.url });
    expect(hosted.code).toMatch(/^QUIRE1-/);
    const joining = joiner.request<Joined>(
      'join',
      { code: hosted.code, timeoutMs: 20_000 },
      25_000,
    );

    // The coordinator sees the joiner's own safety words before approving.
    const request = await host.waitForEvent('request', undefined, 20_000);
    const mine = await joiner.waitForEvent('identity', undefined, 1_000);
    expect(request.pseudonym).toBe('Olena');
    expect(request.safetyWords).toBe(mine.safetyWords);
    expect((await host.request<{ answered: boolean }>('approve')).answered).toBe(true);

    const joined = await joining;
    expect(joined).toMatchObject({
      joined: true,
      coordinatorSignPk: hosted.coordinatorSignPk,
      cellId: hosted.cellId,
      variant: 'member',
    });
    expect(joined.states).toEqual(['waiting_for_approval', 'approved']);
    await host.waitForEvent('host', (e) => e.type === 'answered', 1_000);

    // The operator saw one random-looking topic and base64 ciphertext, nothing else.
    const seen = relayed.map((m) => JSON.parse(m) as Record<string, unknown>);
    expect(new Set(seen.map((m) => m.topic)).size).toBe(1);
    for (const m of seen) {
      expect(Object.keys(m).sort()).toEqual(['data', 'topic', 'type']);
      expect(m.topic).toMatch(/^[0-9a-f]{32}$/);
      expect(m.data).toMatch(/^[A-Za-z0-9+/]+=*$/);
    }
    expect(relayed.join('')).not.toContain('Olena');

    // The joiner left the room on its way out: its rendezvous socket and every handle are gone.
    expect(await until(() => server.stats().connections === 1, 5_000)).toBe(true);
    let left: string[] = [];
    const clean = await until(async () => {
      left = (await joiner.request<{ resources: string[] }>('resources')).resources;
      return left.every((r) => BASELINE.has(r));
    }, 8_000);
    expect(clean, `still active in the joiner: ${left.join(', ')}`).toBe(true);
    await host.request('close');
    expect(await until(() => server.stats().connections === 0, 5_000)).toBe(true);
  });
});
