import type { Platform } from '../../shared/platform/Platform.ts';
import { deriveKekInWorker } from '../vault/deriveKekInWorker.ts';
import { signalUrlsFromQuery } from './parseRendezvousUrls.ts';
import type { ShellDeps } from './ShellDeps.ts';
import { UnlockGate } from './UnlockGate.ts';
import { VAULT_DB_NAME } from './vaultDatabase.ts';

const MIN_TEST_AUTOLOCK_MS = 200;
const MAX_TEST_AUTOLOCK_MS = 3_600_000;

/**
 * `?autolockMs=N` (tests): honoured only in a plain browser, never inside Electron, and it can
 * only shorten the configured delay, so an edited address cannot keep the app unlocked longer.
 */
export function readAutoLockOverride(search: string, platform: Platform): number | undefined {
  if (platform.kind !== 'browser') return undefined;
  const raw = new URLSearchParams(search.slice(0, 4096)).get('autolockMs');
  if (raw === null || !/^\d{1,7}$/.test(raw)) return undefined;
  const ms = Number(raw);
  return ms >= MIN_TEST_AUTOLOCK_MS && ms <= MAX_TEST_AUTOLOCK_MS ? ms : undefined;
}

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
    autoLockOverrideMs: readAutoLockOverride(location.search, platform),
    reload: () => location.reload(),
  };
}
