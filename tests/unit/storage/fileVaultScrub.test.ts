import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFileStorage } from '../../../node/storage/FileStorage.ts';
import { sodiumReady } from '../../../shared/crypto/sodium.ts';
import { argon2idKdf } from '../../../shared/vault/argon2idKdf.ts';
import { createVault } from '../../../shared/vault/createVault.ts';
import { setDuressPassphrase } from '../../../shared/vault/setDuressPassphrase.ts';
import { tryUnlockVault } from '../../../shared/vault/tryUnlockVault.ts';
import { HEADER_PREFIX_BYTES, SLOT_BYTES } from '../../../shared/vault/vaultHeaderFormat.ts';
import { NO_CHAFF } from '../../../shared/vault/writeChaff.ts';
import { FAST, PASS, recordingThrottle, TEST_FLOOR } from '../vault/vaultFixture.ts';

const opts = { kdf: argon2idKdf, floor: TEST_FLOOR, chaff: NO_CHAFF };
const DURESS = 'thursday tea and biscuits';

let dir: string;
beforeAll(async () => {
  await sodiumReady();
  dir = await mkdtemp(join(tmpdir(), 'quire-vault-scrub-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('node file store: a superseded vault header is zeroed in the log at once', () => {
  it('a duress unlock with destroy-on-use leaves no copy of the real slot in store.log', async () => {
    const storage = await openFileStorage(dir);
    const created = await createVault(storage, PASS, { ...opts, params: FAST });
    if (!created.ok) throw new Error(created.error);
    const vault = created.value;
    const decoy = await setDuressPassphrase(vault, {
      ...opts,
      throttle: recordingThrottle().throttle,
      currentPassphrase: PASS,
      duressPassphrase: DURESS,
      destroyOnUse: true,
    });
    if (!decoy.ok) throw new Error(decoy.error);
    decoy.value.lock();
    const header = (await storage.get('vault', 'header'))!;
    const at = HEADER_PREFIX_BYTES + vault.slot * SLOT_BYTES;
    const realSlot = Buffer.from(header.subarray(at, at + SLOT_BYTES));
    vault.lock();
    expect((await readFile(join(dir, 'store.log'))).includes(realSlot)).toBe(true);

    expect((await tryUnlockVault(storage, DURESS, opts)).ok).toBe(true);
    expect((await readFile(join(dir, 'store.log'))).includes(realSlot)).toBe(false);
    expect((await tryUnlockVault(storage, PASS, opts)).ok).toBe(false);
    await storage.close();
    // Reopened from the log alone: the decoy still opens, the real vault does not.
    const again = await openFileStorage(dir);
    expect((await tryUnlockVault(again, DURESS, opts)).ok).toBe(true);
    expect((await tryUnlockVault(again, PASS, opts)).ok).toBe(false);
    expect(again.reports()).toEqual([]);
    await again.close();
  });
});
