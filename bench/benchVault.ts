import type { Storage } from '../shared/storage/Storage.ts';
import { argon2idKdf } from '../shared/vault/argon2idKdf.ts';
import { createVault } from '../shared/vault/createVault.ts';
import type { KdfParams, TestOnlyKdfFloor } from '../shared/vault/kdfParams.ts';
import { tryUnlockVault } from '../shared/vault/tryUnlockVault.ts';
import type { Vault } from '../shared/vault/Vault.ts';

/**
 * The bench's vault: the real vault (VDK-sealed rows, keyed-hash ids) with Argon2id at
 * libsodium's minimum (1 pass, 8 KiB) instead of the app's calibrated >= 3 passes / 256 MiB.
 * The KDF runs once per unlock, before any document opens, so it is outside every figure here;
 * the app's unlock takes ~1-2 s more and is not what these scenarios measure.
 */
export const BENCH_KDF: KdfParams = { opslimit: 1, memlimit: 8192 };
const BENCH_FLOOR: TestOnlyKdfFloor = { testOnly: true, ...BENCH_KDF };
const PASSPHRASE = 'bench only: correct horse battery staple';

export async function createBenchVault(storage: Storage): Promise<Vault> {
  const r = await createVault(storage, PASSPHRASE, {
    kdf: argon2idKdf,
    params: BENCH_KDF,
    floor: BENCH_FLOOR,
  });
  if (!r.ok) throw new Error(`createVault: ${r.error}`);
  return r.value;
}

export async function unlockBenchVault(storage: Storage): Promise<Vault> {
  const r = await tryUnlockVault(storage, PASSPHRASE, { kdf: argon2idKdf, floor: BENCH_FLOOR });
  if (!r.ok) throw new Error(`unlock: ${r.error}`);
  return r.value;
}
