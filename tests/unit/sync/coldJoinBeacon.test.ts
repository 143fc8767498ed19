import { describe, expect, it } from 'vitest';
import { deriveEpochSecrets } from '../../../shared/crypto/deriveEpochSecrets.ts';
import { randomBytes } from '../../../shared/crypto/randomBytes.ts';
import { sodium, sodiumReady } from '../../../shared/crypto/sodium.ts';
import { CellSync } from '../../../shared/sync/CellSync.ts';
import { fixedRoster } from '../../../shared/sync/fixedRoster.ts';
import { MemorySyncStore } from '../../../shared/sync/MemorySyncStore.ts';
import type { Transport } from '../../../shared/transport/Transport.ts';
import { MemoryNetwork } from '../../support/MemoryNetwork.ts';
import { VirtualScheduler } from '../../support/VirtualScheduler.ts';

const settle = (): Promise<void> => new Promise((r) => setImmediate(r));

describe('a cold joiner follows the beacon to the newest generation only', () => {
  it('joins a handful of rooms, not one per past rollover (the rendezvous caps topics)', async () => {
    await sodiumReady();
    const scheduler = new VirtualScheduler();
    const net = new MemoryNetwork(scheduler, Math.random, {
      drop: 0,
      duplicate: 0,
      minLatency: 1,
      maxLatency: 5,
      reconnectMs: 5,
    });
    const cellId = randomBytes(16);
    const secrets = deriveEpochSecrets(randomBytes(32), cellId, 0);
    const keys = [0, 1].map(() => {
      const kp = sodium().crypto_sign_keypair();
      return { signPk: kp.publicKey, signSk: kp.privateKey };
    });
    const roster = fixedRoster(keys.map((k) => ({ signPk: k.signPk, role: 'writer' as const })));
    const joined: string[] = [];
    const counting = (t: Transport): Transport => ({
      join: (config, doc) => {
        joined.push(config.roomName);
        return t.join(config, doc);
      },
    });
    const open = (i: number, transport: Transport) =>
      CellSync.open({
        cellId,
        me: keys[i]!,
        epoch: 0,
        secretsFor: (e) => (e === 0 ? secrets : undefined),
        roster,
        store: new MemorySyncStore(),
        transport,
        signaling: ['ws://test'],
        scheduler,
        limits: { drainMs: 1000, republishDelayMs: 50, rolloverJitterMs: 10 },
      });
    const a = await open(0, net.transportFor(0));
    const doc = new Uint8Array(16).fill(3);
    for (let g = 0; g < 12; g++) {
      a.doc(doc).getText('t').insert(0, `${g} `);
      await a.flush();
      await a.rollover();
      await scheduler.advance(2000, settle);
    }
    expect(a.status().generation).toBe(12);

    const b = await open(1, counting(net.transportFor(1)));
    await scheduler.advance(5000, settle);
    expect(b.status().generation).toBe(12);
    expect(b.doc(doc).getText('t').toJSON()).toBe(a.doc(doc).getText('t').toJSON());
    // generation 0, the beacon, and the newest: not thirteen rooms.
    expect(joined.length).toBeLessThanOrEqual(4);
    await a.close();
    await b.close();
  });
});
