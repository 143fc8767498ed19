import { beforeAll, describe, expect, it } from 'vitest';
import { sodiumReady } from '../../../shared/crypto/sodium.ts';
import type { RendezvousInvites } from '../../../shared/join/InviteTransport.ts';
import { MemoryPubSub } from '../../support/MemoryPubSub.ts';
import { prng } from '../../support/prng.ts';
import { TestCell } from './joinFixture.ts';
import { startHost, startJoiner, world, type World } from './joinHarness.ts';

/**
 * hostInvite and joinWithCode with the invite room on the rendezvous pub/sub (as the app and the
 * CLI open it), over a lossy in-memory pub/sub: the whole exchange happens there, and neither
 * side ever joins a room on the mesh Transport.
 */
const URLS = ['ws://127.0.0.1:4444'];
const LOSSY = { drop: 0.25, duplicate: 0.25, minLatency: 5, maxLatency: 300 };

beforeAll(async () => {
  await sodiumReady();
});

function rendezvous(w: World, seed: number): { pubsub: MemoryPubSub; via: RendezvousInvites } {
  const rand = prng(seed * 7919);
  const pubsub = new MemoryPubSub(w.scheduler, rand, LOSSY);
  return { pubsub, via: { sockets: pubsub.sockets(), scheduler: w.scheduler, random: rand } };
}

describe('invite flow on the rendezvous pub/sub', () => {
  it('a joiner is approved and gets its welcome through loss (10 seeds); no mesh room is joined', async () => {
    for (let seed = 1; seed <= 10; seed++) {
      const w = world(seed);
      const { pubsub, via } = rendezvous(w, seed);
      const cell = new TestCell(URLS);
      const invite = cell.invite('member');
      const host = startHost(w, cell, invite, 1, { transport: via });
      const joiner = startJoiner(w, invite.code, 2, { transport: via });
      await w.run(60_000);
      const r = joiner.result();
      expect(r?.ok, `seed ${seed}: ${JSON.stringify(joiner.counters.snapshot())}`).toBe(true);
      if (r?.ok) expect(r.value.welcome.cellId).toEqual(cell.cellId);
      expect(host.asked).toHaveLength(1);
      expect(host.transport.joins + joiner.transport.joins).toBe(0);
      // The joiner left; the host's socket goes with it.
      expect(pubsub.openSockets()).toBe(1);
      host.handle.close();
      expect(pubsub.openSockets()).toBe(0);
    }
  });

  it('a denial reaches the joiner, and a coordinator who comes online late still answers', async () => {
    const w = world(31);
    const { pubsub, via } = rendezvous(w, 31);
    const cell = new TestCell(URLS);
    const invite = cell.invite('member');
    const joiner = startJoiner(w, invite.code, 2, { transport: via, timeoutMs: 30 * 60_000 });
    await w.run(5 * 60_000);
    expect(joiner.result()).toBeUndefined();
    const host = startHost(w, cell, invite, 1, {
      transport: via,
      decide: () => Promise.resolve({ approve: false }),
    });
    await w.run(30_000);
    expect(joiner.result()).toMatchObject({ ok: false, error: 'denied' });
    expect(joiner.states.map((s) => s.status)).toEqual(['waiting_for_approval', 'denied']);
    host.handle.close();
    expect(pubsub.openSockets()).toBe(0);
  });
});
