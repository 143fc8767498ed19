import type { Vault } from '../../shared/vault/Vault.ts';
import type { AppSession } from '../session/AppSession.ts';

/** How long a lock waits for the session to close its cells before zeroing the keys anyway. */
export const SESSION_LOCK_BUDGET_MS = 5000;

/**
 * Closes the session (cells, network, decrypted documents; it may still seal pending edits),
 * then zeroes the vault keys whatever happened: a session that fails or hangs never keeps the
 * vault open. Never rejects.
 */
export async function lockEverything(
  session: AppSession | undefined,
  vault: Vault,
  budgetMs: number = SESSION_LOCK_BUDGET_MS,
): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    if (session !== undefined) {
      await Promise.race([
        session.lock(),
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, budgetMs);
        }),
      ]);
    }
  } catch {
    // The keys are zeroed below all the same.
  } finally {
    clearTimeout(timer);
    vault.lock();
  }
}
