import { describe, expect, it } from 'vitest';
import { deriveEpochSecrets } from '../../../shared/crypto/deriveEpochSecrets.ts';
import { randomBytes } from '../../../shared/crypto/randomBytes.ts';
import { sodium, sodiumReady } from '../../../shared/crypto/sodium.ts';
import { CellSync } from '../../../shared/sync/CellSync.ts';
import { fixedRoster } from '../../../shared/sync/fixedRoster.ts';
import { MemorySyncStore } from '../../../shared/sync/MemorySyncStore.ts';
import type { LocalSyncState, WireEntry } from '../../../shared/sync/SyncStore.ts';
import { StorageError } from '../../../shared/storage/StorageError.ts';
import { MemoryNetwork } from '../../support/MemoryNetwork.ts';
import { prng } from '../../support/prng.ts';
import { VirtualScheduler } from '../../support/VirtualScheduler.ts';

const settle = (): Promise<void> => new Promise((r) => setImmediate(r));

/** A sync store on a disk that can fill up: while `full`, every save is refused. */
class FillingStore extends MemorySyncStore {
  full = false;

  override saveEnvelopes(
    scope: string,
    entries: readonly WireEntry[],
    local?: LocalSyncState,
  ): Promise<void> {
    if (this.full) return Promise.reject(new StorageError('full', 'disk full'));
    return super.saveEnvelopes(scope, entries, local);
  }

  override saveLocal(local: LocalSyncState): Promise<void> {
    if (this.full) return Promise.reject(new StorageError('full', 'disk full'));
    return super.saveLocal(local);
  }

  async envelopeCount(): Promise<number> {
    let n = 0;
    for (const list of (await this.loadCell()).envelopes.values()) n += list.length;
    return n;
  }
}

/**
 * Our own edit whose envelope could not be written (disk full, quota) must not be lost nor go
 * out before it is durable. The old SyncWriter logged "sync store write failed" and dropped the
 * write for good: the edit never reached the store nor any peer, while later seqs went on.
 */
describe('SyncWriter over a store that fills up', () => {
  it('publishes nothing that is not durable, and saves and publishes it in order once there is room', async () => {
    await sodiumReady();
    const scheduler = new VirtualScheduler();
    const net = new MemoryNetwork(scheduler, prng(7), {
      drop: 0,
      duplicate: 0,
      minLatency: 1,
      maxLatency: 1,
      reconnectMs: 1,
    });
    const cellId = randomBytes(16);
    const secrets = deriveEpochSecrets(randomBytes(32), cellId, 0);
    const keys = [0, 1].map(() => {
      const kp = sodium().crypto_sign_keypair();
      return { signPk: kp.publicKey, signSk: kp.privateKey };
    });
    const roster = fixedRoster(keys.map((k) => ({ signPk: k.signPk, role: 'writer' as const })));
    const disk = new FillingStore();
    const open = (i: number, store: MemorySyncStore) =>
      CellSync.open({
        cellId,
        me: keys[i]!,
        epoch: 0,
        secretsFor: (e) => (e === 0 ? secrets : undefined),
        roster,
        store,
        transport: net.transportFor(i + 1),
        signaling: ['ws://test'],
        scheduler,
      });
    const writer = await open(0, disk);
    const peer = await open(1, new MemorySyncStore());
    const docId = randomBytes(16);
    const text = (sync: CellSync): string => sync.doc(docId).getText('t').toJSON();
    await scheduler.advance(2000, settle);

    disk.full = true;
    writer.doc(docId).getText('t').insert(0, 'one ');
    await writer.flush();
    writer.doc(docId).getText('t').insert(4, 'two');
    await writer.flush();
    await scheduler.advance(2000, settle);
    expect(await disk.envelopeCount()).toBe(0);
    expect(text(peer)).toBe(''); // nothing went out before it was durable

    disk.full = false;
    await writer.flush(); // retries what failed, in order
    await scheduler.advance(2000, settle);
    expect(await disk.envelopeCount()).toBe(2);
    expect((await disk.loadLocal())?.seqs).toMatchObject({ [`${sodium().to_hex(docId)}:1`]: 2 });
    expect(text(peer)).toBe('one two');

    await writer.close();
    const reopened = await open(0, disk);
    expect(text(reopened)).toBe('one two');
    await reopened.close();
    await peer.close();
  });
});
