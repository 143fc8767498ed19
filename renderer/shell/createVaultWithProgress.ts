import type { Storage } from '../../shared/storage/Storage.ts';
import type { Result } from '../../shared/util/result.ts';
import { calibrateKdf } from '../../shared/vault/calibrateKdf.ts';
import { createVault, type CreateVaultError } from '../../shared/vault/createVault.ts';
import type { Kdf } from '../../shared/vault/kdfParams.ts';
import { measureKdf } from '../../shared/vault/measureKdf.ts';
import type { Vault } from '../../shared/vault/Vault.ts';

export type CreateProgress =
  { readonly stage: 'measuring'; readonly step: number } | { readonly stage: 'deriving' };

/**
 * Calibrates Argon2id on this device (floor 3 passes / 256 MiB, up to ~1 s, never above the cap)
 * and creates the vault with the result. Every derivation runs in `kdf` (the Web Worker in the
 * app), so the page stays responsive; `onProgress` reports each step for the screen.
 */
export async function createVaultWithProgress(
  storage: Storage,
  passphrase: string,
  kdf: Kdf,
  onProgress: (progress: CreateProgress) => void,
): Promise<Result<Vault, CreateVaultError>> {
  const measure = measureKdf(kdf);
  let step = 0;
  const params = await calibrateKdf((p) => {
    step++;
    onProgress({ stage: 'measuring', step });
    return measure(p);
  });
  onProgress({ stage: 'deriving' });
  return createVault(storage, passphrase, { kdf, params });
}
