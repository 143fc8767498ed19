import type { Storage } from '../storage/Storage.ts';
import { err, ok, type Result } from '../util/result.ts';
import { settleVaultHeader } from './settleVaultHeader.ts';
import { unwrapVdk, type UnlockError, type UnlockOptions } from './unwrapVdk.ts';
import { chaffTarget } from './chaffTarget.ts';
import { Vault } from './Vault.ts';

export type { UnlockError, UnlockOptions } from './unwrapVdk.ts';

/**
 * Unlock with a detailed reason, for tests and diagnostics only: the UI calls openVault, which
 * collapses every reason into 'unlock_failed' so it cannot tell an attacker which part failed.
 * Whichever header slot the passphrase opens (the real vault or a duress decoy) is the vault;
 * nothing here or in the result says which. A failure writes nothing; a success writes only what
 * settleVaultHeader.ts describes (a duress destroy, a v1 header's upgrade).
 */
export async function tryUnlockVault(
  storage: Storage,
  passphrase: string,
  options: UnlockOptions,
): Promise<Result<Vault, UnlockError>> {
  const unwrapped = await unwrapVdk(storage, passphrase, options);
  if (!unwrapped.ok) return unwrapped;
  const settled = await settleVaultHeader(storage, unwrapped.value).finally(() => {
    unwrapped.value.kek.fill(0);
  });
  if (!settled.ok) {
    unwrapped.value.vdk.fill(0);
    return err(settled.error);
  }
  return ok(
    new Vault(storage, unwrapped.value.vdk, {
      slot: settled.value,
      chaff: options.chaff,
      chaffTarget: chaffTarget(unwrapped.value.header.salt),
    }),
  );
}
