/** The keyring keeps a rekey's pending keys and retired identities, and never a retired signing key. */
import { describe, expect, it } from 'vitest';
import { toHex } from '../../../shared/crypto/bytes.ts';
import { sodiumReady } from '../../../shared/crypto/sodium.ts';
import { createIdentity, type Identity } from '../../../shared/identity/createIdentity.ts';
import { createCellRecord } from '../../../shared/runtime/cellGovernance.ts';
import { loadKeyring, saveKeyring, type CellRecord } from '../../../shared/runtime/Keyring.ts';
import { fastVault } from '../vault/vaultFixture.ts';

function identity(name: string): Identity {
  const r = createIdentity(name);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

describe('keyring: rekey fields', () => {
  it('round-trips the pending identity and retired identities; older records load without them', async () => {
    await sodiumReady();
    const { vault } = await fastVault();
    const created = createCellRecord({
      identity: identity('Vera'),
      name: 'Cell',
      signaling: ['ws://127.0.0.1:1'],
    });
    if (!created.ok) throw new Error(created.error);
    const plain: CellRecord = created.value;
    const old = identity('Vera');
    const next = identity('Vera');
    const rekeyed: CellRecord = {
      ...plain,
      cellIdHex: 'ab'.repeat(16),
      identity: next,
      pendingIdentity: identity('Vera'),
      retired: [{ signPk: old.signPk, boxPk: old.boxPk, boxSk: old.boxSk }],
    };
    await saveKeyring(vault.store, [plain, rekeyed]);
    const loaded = await loadKeyring(vault.store);
    if (!loaded.ok) throw new Error(loaded.error);
    const [a, b] = loaded.value;
    expect(a?.pendingIdentity).toBeUndefined();
    expect(a?.retired).toBeUndefined();
    expect(toHex(b!.pendingIdentity!.signSk)).toBe(toHex(rekeyed.pendingIdentity!.signSk));
    expect(b?.retired?.map((r) => toHex(r.boxSk))).toEqual([toHex(old.boxSk)]);
    expect(Object.keys(b!.retired![0]!).sort()).toEqual(['boxPk', 'boxSk', 'signPk']);
    const raw = await vault.store.getDirectory('keyring');
    expect(new TextDecoder().decode(raw)).not.toContain(toHex(old.signSk));
  });
});
