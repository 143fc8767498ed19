import { beforeAll, expect, it } from 'vitest';
import { deriveEpochSecrets } from '../../../shared/crypto/deriveEpochSecrets.ts';
import { randomBytes } from '../../../shared/crypto/randomBytes.ts';
import { sodiumReady } from '../../../shared/crypto/sodium.ts';
import { CellSync } from '../../../shared/sync/CellSync.ts';
import { fixedRoster } from '../../../shared/sync/fixedRoster.ts';
import { MemorySyncStore } from '../../../shared/sync/MemorySyncStore.ts';
import { MemoryNetwork } from '../../support/MemoryNetwork.ts';
import { VirtualScheduler } from '../../support/VirtualScheduler.ts';
import { makeActor } from '../roster/rosterFixture.ts';

beforeAll(async () => {
  await sodiumReady();
});
const settle = (): Promise<void> => new Promise((r) => setImmediate(r));

/**
 * A rollover writes a snapshot of every document into the next generation. Those snapshots are
 * what the rollover carries, so they must not count toward that generation's threshold: a cell
 * with more documents than the entry threshold (or more state than the byte threshold: images)
 * would otherwise roll over again as soon as it landed, without end.
 */
it('a rollover’s own snapshots do not start the next rollover', async () => {
  const vera = makeActor('Vera', 'env');
  const cellId = randomBytes(16);
  const scheduler = new VirtualScheduler();
  const net = new MemoryNetwork(scheduler, Math.random, {
    drop: 0,
    duplicate: 0,
    minLatency: 1,
    maxLatency: 2,
    reconnectMs: 2,
  });
  const secrets = deriveEpochSecrets(randomBytes(32), cellId, 0);
  const sync = await CellSync.open({
    cellId,
    me: vera,
    epoch: 0,
    secretsFor: (e) => (e === 0 ? secrets : undefined),
    roster: fixedRoster([{ signPk: vera.signPk, role: 'coordinator' }]),
    store: new MemorySyncStore(),
    transport: net.transportFor(1),
    signaling: ['ws://test'],
    scheduler,
    limits: { rolloverEntries: 10, rolloverJitterMs: 10, republishDelayMs: 50, drainMs: 60_000 },
  });
  // 12 documents, one edit each: 12 entries, over the threshold of 10.
  const docs = Array.from({ length: 12 }, (_, i) => sync.doc(new Uint8Array(16).fill(i + 1)));
  for (const d of docs) d.getText('t').insert(0, 'x');
  await scheduler.advance(5_000, settle);
  const after1 = sync.status().generation;
  expect(after1).toBe(1);
  // Three more edits: three entries, far under the threshold of ten.
  for (let i = 0; i < 3; i++) {
    docs[0]?.getText('t').insert(0, 'y');
    await scheduler.advance(5_000, settle);
  }
  expect(sync.status().generation).toBe(1);
  await sync.close();
});
