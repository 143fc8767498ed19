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
    expect(b?.retired?.map((r) => r.boxSk && toHex(r.boxSk))).toEqual([toHex(old.boxSk)]);
    expect(Object.keys(b!.retired![0]!).sort()).toEqual(['boxPk', 'boxSk', 'signPk']);
    const raw = await vault.store.getDirectory('keyring');
    expect(new TextDecoder().decode(raw)).not.toContain(toHex(old.signSk));
  });

  it('round-trips former box keys and retired identities whose box secret the horizon destroyed', async () => {
    await sodiumReady();
    const { vault } = await fastVault();
    const created = createCellRecord({
      identity: identity('Vera'),
      name: 'Cell',
      signaling: ['ws://127.0.0.1:1'],
    });
    if (!created.ok) throw new Error(created.error);
    const old = identity('Vera');
    const former = identity('Vera');
    const record: CellRecord = {
      ...created.value,
      retired: [{ signPk: old.signPk, boxPk: old.boxPk, replacedBy: 'cd'.repeat(16) }],
      formerBoxKeys: [{ boxPk: former.boxPk, boxSk: former.boxSk, replacedBy: 'ef'.repeat(16) }],
    };
    await saveKeyring(vault.store, [record]);
    const loaded = await loadKeyring(vault.store);
    if (!loaded.ok) throw new Error(loaded.error);
    const r = loaded.value[0]!;
    expect(r.retired?.[0]?.boxSk).toBeUndefined();
    expect(r.retired?.[0]?.replacedBy).toBe('cd'.repeat(16));
    expect(r.formerBoxKeys?.map((f) => [toHex(f.boxSk), f.replacedBy])).toEqual([
      [toHex(former.boxSk), 'ef'.repeat(16)],
    ]);
    const raw = new TextDecoder().decode(await vault.store.getDirectory('keyring'));
    expect(raw).not.toContain(toHex(old.boxSk));
  });
});
