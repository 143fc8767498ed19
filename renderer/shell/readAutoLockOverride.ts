import type { Platform } from '../../shared/platform/Platform.ts';

const MIN_TEST_AUTOLOCK_MS = 200;
const MAX_TEST_AUTOLOCK_MS = 3_600_000;

/**
 * `?autolockMs=N` (tests): honoured only in a plain browser, never inside Electron. The shell
 * takes the smaller of it and the configured delay, so an edited address can only make the app
 * lock sooner, never keep it unlocked longer.
 */
export function readAutoLockOverride(search: string, kind: Platform['kind']): number | undefined {
  if (kind !== 'browser') return undefined;
  const raw = new URLSearchParams(search.slice(0, 4096)).get('autolockMs');
  if (raw === null || !/^\d{1,7}$/.test(raw)) return undefined;
  const ms = Number(raw);
  return ms >= MIN_TEST_AUTOLOCK_MS && ms <= MAX_TEST_AUTOLOCK_MS ? ms : undefined;
}
