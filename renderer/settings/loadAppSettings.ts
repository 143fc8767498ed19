import type { SealedStore } from '../../shared/vault/SealedStore.ts';
import type { AppSettings } from './AppSettings.ts';
import { decodeAppSettings } from './decodeAppSettings.ts';

/** The row's key inside the sealed `settings` table (the stored row id is a keyed hash of it). */
export const APP_SETTINGS_KEY = 'app';

/**
 * The stored settings, or undefined when there are none yet or the row is unreadable (the caller
 * uses defaults). Rejects only when the vault is locked or storage fails.
 */
export async function loadAppSettings(store: SealedStore): Promise<AppSettings | undefined> {
  const bytes = await store.get('settings', APP_SETTINGS_KEY);
  if (bytes === undefined) return undefined;
  const decoded = decodeAppSettings(bytes);
  bytes.fill(0);
  return decoded.ok ? decoded.value : undefined;
}
