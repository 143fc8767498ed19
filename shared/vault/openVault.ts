import type { Storage } from '../storage/Storage.ts';
import { err, ok, type Result } from '../util/result.ts';
import { tryUnlockVault, type UnlockOptions } from './tryUnlockVault.ts';
import { defaultUnlockThrottle, type UnlockThrottle } from './UnlockThrottle.ts';
import type { Vault } from './Vault.ts';

export interface OpenVaultOptions extends UnlockOptions {
  readonly throttle?: UnlockThrottle;
}

/**
 * Unlocks the vault for the UI. Every failure (wrong passphrase, tampered or weakened header,
 * missing vault, broken KDF) is the same 'unlock_failed' with no detail, after a delay that grows
 * with consecutive failures. Nothing is written on failure.
 */
export async function openVault(
  storage: Storage,
  passphrase: string,
  options: OpenVaultOptions,
): Promise<Result<Vault, 'unlock_failed'>> {
  const throttle = options.throttle ?? defaultUnlockThrottle;
  const outcome = await throttle.run(async () => {
    try {
      return await tryUnlockVault(storage, passphrase, options);
    } catch {
      return err('storage_failed');
    }
  });
  return outcome.ok ? ok(outcome.value) : err('unlock_failed');
}
