import type { DecoyLanguage, DecoyTemplateId } from '../../shared/decoy/decoyTemplates.ts';
import { seedDecoyVault } from '../../shared/decoy/seedDecoyVault.ts';
import type { Kdf } from '../../shared/vault/kdfParams.ts';
import { setDuressPassphrase } from '../../shared/vault/setDuressPassphrase.ts';
import type { Vault } from '../../shared/vault/Vault.ts';
import type { AppSettings } from '../settings/AppSettings.ts';
import { saveAppSettings } from '../settings/saveAppSettings.ts';

export interface DuressRequest {
  readonly currentPassphrase: string;
  readonly duressPassphrase: string;
  readonly template: DecoyTemplateId;
  readonly language: DecoyLanguage;
  readonly signaling: readonly string[];
  readonly destroyOnUse: boolean;
}

export type DuressOutcome = 'ok' | 'wrong_passphrase' | 'same' | 'failed';

/**
 * Settings → "Set a duress passphrase": a new decoy vault behind the duress passphrase, filled
 * from the template, with this vault's app settings (language, theme, locking: the screen must
 * not change when the decoy opens), then locked. The open (real) vault gets no row saying any
 * of this happened.
 */
export async function setDuressWithTemplate(
  vault: Vault,
  kdf: Kdf,
  request: DuressRequest,
  settings: AppSettings,
): Promise<DuressOutcome> {
  const made = await setDuressPassphrase(vault, {
    kdf,
    currentPassphrase: request.currentPassphrase,
    duressPassphrase: request.duressPassphrase,
    destroyOnUse: request.destroyOnUse,
  }).catch(() => undefined);
  if (made === undefined) return 'failed';
  if (!made.ok) {
    if (made.error === 'unlock_failed') return 'wrong_passphrase';
    if (made.error === 'duress_same') return 'same';
    return 'failed';
  }
  const decoy = made.value;
  try {
    const seeded = await seedDecoyVault(
      decoy,
      request.template,
      request.language,
      request.signaling,
    ).catch(() => undefined);
    if (seeded?.ok !== true) return 'failed';
    await saveAppSettings(decoy.store, settings);
    return 'ok';
  } catch {
    return 'failed';
  } finally {
    decoy.lock();
  }
}
