import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { deriveEpochSecrets, deriveRoomName } from '../../../shared/crypto/deriveEpochSecrets.ts';
import { randomBytes } from '../../../shared/crypto/randomBytes.ts';
import { sodium, sodiumReady } from '../../../shared/crypto/sodium.ts';
import { ENVELOPE_KIND } from '../../../shared/envelope/EnvelopeKind.ts';
import { sealEnvelope } from '../../../shared/envelope/sealEnvelope.ts';
import { CELL_DOC_ID, CellSync } from '../../../shared/sync/CellSync.ts';
import { fixedRoster } from '../../../shared/sync/fixedRoster.ts';
import { MemorySyncStore } from '../../../shared/sync/MemorySyncStore.ts';
import { encodeRolloverBody } from '../../../shared/sync/rolloverBody.ts';
import { BEACON_GENERATION } from '../../../shared/sync/WireScope.ts';
import type { Transport } from '../../../shared/transport/Transport.ts';
import { MemoryNetwork } from '../../support/MemoryNetwork.ts';
import { VirtualScheduler } from '../../support/VirtualScheduler.ts';

const settle = (): Promise<void> => new Promise((r) => setImmediate(r));

/**
 * Issue 13 item 4: any writer can put a rollover notice into the epoch's beacon. Before the fix a
 * notice naming generation 0xfffffffe was followed; the next rollover from there opened the
 * reserved beacon generation ("room already joined", the beacon scope replaced) and rejected a
 * promise nobody caught, which exits a Node member.
 */
async function beaconCell() {
  await sodiumReady();
  const scheduler = new VirtualScheduler();
  const net = new MemoryNetwork(scheduler, Math.random, {
    drop: 0,
    duplicate: 0,
    minLatency: 1,
    maxLatency: 2,
    reconnectMs: 2,
  });
  const cellId = randomBytes(16);
  const secrets = deriveEpochSecrets(randomBytes(32), cellId, 0);
  const key = () => {
    const kp = sodium().crypto_sign_keypair();
    return { signPk: kp.publicKey, signSk: kp.privateKey };
  };
  const victim = key();
  const writer = key();
  const roster = fixedRoster([
    { signPk: victim.signPk, role: 'writer' },
    { signPk: writer.signPk, role: 'writer' },
  ]);
  /** Rooms whose join fails (a transport error), by generation. */
  const failing = new Set<number>();
  const inner = net.transportFor(1);
  const transport: Transport = {
    join: (config, doc) => {
      for (const g of failing)
        if (config.roomName === deriveRoomName(secrets.transportRoot, cellId, 0, g))
          throw new Error('transport refused the room');
      return inner.join(config, doc);
    },
  };
  const sync = await CellSync.open({
    cellId,
    me: victim,
    epoch: 0,
    secretsFor: (e) => (e === 0 ? secrets : undefined),
    roster,
    store: new MemorySyncStore(),
    transport,
    signaling: ['ws://test'],
    scheduler,
    limits: { drainMs: 1000, republishDelayMs: 50, rolloverJitterMs: 10 },
  });
  // The writer plays the beacon room with a raw wire doc.
  const beacon = new Y.Doc();
  const room = net.transportFor(2).join(
    {
      roomName: deriveRoomName(secrets.transportRoot, cellId, 0, BEACON_GENERATION),
      password: secrets.transportSecret,
      signaling: ['ws://test'],
    },
    beacon,
  );
  let seq = 0;
  const announce = async (...generations: number[]) => {
    for (const nextGeneration of generations) {
      const sealed = sealEnvelope({
        contentKey: secrets.contentKey,
        cellId,
        epoch: 0,
        kind: ENVELOPE_KIND.rollover,
        docId: CELL_DOC_ID,
        author: writer,
        seq: ++seq,
        time: 0,
        body: encodeRolloverBody({ nextGeneration }),
      });
      if (!sealed.ok) throw new Error(sealed.error);
      beacon.getMap('envelopes').set(sealed.value.envId, sealed.value.bytes);
    }
    await scheduler.advance(200, settle);
  };
  const close = async () => {
    room.close();
    await sync.close();
  };
  const counter = (name: string) => sync.diagnostics.snapshot()[name] ?? 0;
  return { sync, scheduler, announce, failing, close, counter };
}

describe('rollover notices in the beacon', () => {
  it('a notice naming 0xfffffffe is refused and rollover keeps working', async () => {
    const { sync, announce, close, counter } = await beaconCell();
    await announce(0xfffffffe);
    expect(sync.status().generation).toBe(0);
    expect(counter('rejected.malformed_rollover')).toBe(1);
    await sync.rollover();
    expect(sync.status().generation).toBe(1);
    // The beacon still carries real notices.
    await announce(2);
    expect(sync.status().generation).toBe(2);
    await close();
  });

  it('only small forward steps are followed, through the notices of every rollover missed', async () => {
    const { sync, announce, close } = await beaconCell();
    await announce(1000);
    expect(sync.status().generation).toBe(0);
    // A member that missed forty rollovers reads forty notices and catches up in one move.
    await announce(...Array.from({ length: 40 }, (_, i) => 40 - i));
    expect(sync.status().generation).toBe(40);
    await close();
  });

  it('a rollover or a move that fails is counted, never an unhandled rejection', async () => {
    const { sync, announce, failing, close, counter } = await beaconCell();
    failing.add(1);
    await expect(sync.rollover()).resolves.toBeUndefined();
    expect(sync.status().generation).toBe(0);
    expect(counter('rolloverFailed')).toBe(1);
    await announce(1);
    expect(sync.status().generation).toBe(0);
    expect(counter('rolloverFailed')).toBe(2);
    failing.clear();
    await sync.rollover();
    expect(sync.status().generation).toBe(1);
    await close();
  });
});
