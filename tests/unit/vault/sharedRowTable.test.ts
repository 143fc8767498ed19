/**
 * Two vaults (a duress decoy and the real one) share one set of tables. Opening one must leave
 * the other's rows exactly where they are and must not report them as damage: a row the opened
 * vault cannot open is normal (chaff or another vault), never quarantined, never counted as damage.
 * On the old SealedStore, a scan by vault A moved every row of vault B into `quarantine`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { utf8 } from '../../../shared/crypto/bytes.ts';
import { randomBytes } from '../../../shared/crypto/randomBytes.ts';
import { sodiumReady } from '../../../shared/crypto/sodium.ts';
import { Vault } from '../../../shared/vault/Vault.ts';
import { MemoryStorage } from './memoryStorage.ts';

beforeAll(async () => {
  await sodiumReady();
});

describe('rows of another vault in the same tables', () => {
  it('a scan by one vault neither moves, counts nor reports the rows of the other', async () => {
    const storage = new MemoryStorage();
    const decoy = new Vault(storage, randomBytes(32));
    const real = new Vault(storage, randomBytes(32));
    await real.store.put('envelopes', 'cell/real-1', utf8('the real cell'));
    await real.store.put('envelopes', 'cell/real-2', utf8('more of it'));
    await decoy.store.put('envelopes', 'club/1', utf8('reading club minutes'));
    storage.calls.length = 0;

    const seen = await decoy.store.scan('envelopes');
    expect(seen.map((e) => e.key)).toEqual(['club/1']);
    expect(storage.calls.filter((c) => c.kind === 'quarantine')).toEqual([]);
    expect(storage.raw('quarantine').size).toBe(0);
    expect(decoy.store.stats().quarantined).toBe(0);

    const back = await real.store.scan('envelopes');
    expect(back.map((e) => e.key).sort()).toEqual(['cell/real-1', 'cell/real-2']);
  });
});
