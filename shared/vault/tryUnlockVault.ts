import type { Storage } from '../storage/Storage.ts';
import { ok, type Result } from '../util/result.ts';
import { unwrapVdk, type UnlockError, type UnlockOptions } from './unwrapVdk.ts';
import { Vault } from './Vault.ts';

export type { UnlockError, UnlockOptions } from './unwrapVdk.ts';

/**
 * Unlock with a detailed reason, for tests and diagnostics only: the UI calls openVault, which
 * collapses every reason into 'unlock_failed' so it cannot tell an attacker which part failed.
 * Writes nothing, whatever happens.
 */
export async function tryUnlockVault(
  storage: Storage,
  passphrase: string,
  options: UnlockOptions,
): Promise<Result<Vault, UnlockError>> {
  const unwrapped = await unwrapVdk(storage, passphrase, options);
  if (!unwrapped.ok) return unwrapped;
  return ok(new Vault(storage, unwrapped.value.vdk));
}
