import type { Platform } from '../../shared/platform/Platform.ts';
import { deriveKekInWorker } from '../vault/deriveKekInWorker.ts';
import { signalUrlsFromQuery } from './parseRendezvousUrls.ts';
import { readAutoLockOverride } from './readAutoLockOverride.ts';
import type { ShellDeps } from './ShellDeps.ts';
import { UnlockGate } from './UnlockGate.ts';
import { VAULT_DB_NAME } from './vaultDatabase.ts';

/** The shell's dependencies for this page. */
export function shellDepsFromPage(
  platform: Platform,
  openAppSession: ShellDeps['openAppSession'],
  location: Pick<Location, 'search' | 'reload'> = window.location,
): ShellDeps {
  return {
    platform,
    openAppSession,
    kdf: deriveKekInWorker,
    gate: new UnlockGate(),
    dbName: VAULT_DB_NAME,
    signalUrls: signalUrlsFromQuery(location.search),
    autoLockOverrideMs: readAutoLockOverride(location.search, platform.kind),
    reload: () => location.reload(),
  };
}
