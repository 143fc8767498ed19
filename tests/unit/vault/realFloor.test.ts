import { beforeAll, expect, it } from 'vitest';
import { utf8 } from '../../../shared/crypto/bytes.ts';
import { sodiumReady } from '../../../shared/crypto/sodium.ts';
import { argon2idKdf } from '../../../shared/vault/argon2idKdf.ts';
import { createVault } from '../../../shared/vault/createVault.ts';
import { KDF_FLOOR } from '../../../shared/vault/kdfParams.ts';
import { parseVaultHeader } from '../../../shared/vault/parseVaultHeader.ts';
import { tryUnlockVault } from '../../../shared/vault/tryUnlockVault.ts';
import { MemoryStorage } from './memoryStorage.ts';

beforeAll(async () => {
  await sodiumReady();
});

// The production path with no test override: two real Argon2id derivations at 3 / 256 MiB
// (~1.3 s each on the 2-core build machines).
it('creates and opens a vault at the real floor parameters', async () => {
  const storage = new MemoryStorage();
  const created = await createVault(storage, 'a real passphrase', { kdf: argon2idKdf });
  expect(created.ok).toBe(true);
  if (!created.ok) return;
  await created.value.store.put('settings', 'k', utf8('v'));
  const header = storage.raw('vault').get('header')!;
  const parsed = parseVaultHeader(header);
  expect(parsed.ok && parsed.value.params).toEqual(KDF_FLOOR);
  const opened = await tryUnlockVault(storage, 'a real passphrase', { kdf: argon2idKdf });
  expect(opened.ok && (await opened.value.store.get('settings', 'k'))).toEqual(utf8('v'));
});
