import type { SealedStore } from '../../shared/vault/SealedStore.ts';
import type { AppSettings } from './AppSettings.ts';
import { encodeAppSettings } from './encodeAppSettings.ts';
import { APP_SETTINGS_KEY } from './loadAppSettings.ts';

/** Padded to this size so the sealed row's length does not vary with the choices made. */
export const SETTINGS_BUCKET_BYTES = 256;

/** Seals and writes the settings row (one atomic write). */
export async function saveAppSettings(store: SealedStore, settings: AppSettings): Promise<void> {
  const value = encodeAppSettings(settings);
  await store.write([
    { op: 'put', table: 'settings', key: APP_SETTINGS_KEY, value, bucket: SETTINGS_BUCKET_BYTES },
  ]);
  value.fill(0);
}
