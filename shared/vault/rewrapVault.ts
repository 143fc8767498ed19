import { aeadOpen } from '../crypto/aeadOpen.ts';
import { aeadSeal } from '../crypto/aeadSeal.ts';
import { bytesEqual, concatBytes } from '../crypto/bytes.ts';
import { randomBytes } from '../crypto/randomBytes.ts';
import { err, ok, type Result } from '../util/result.ts';
import { deriveKek, type DeriveKekError } from './deriveKek.ts';
import { checkKdfParams, type KdfParams, type KdfParamsError } from './kdfParams.ts';
import { normalizePassphrase, type PassphraseError } from './normalizePassphrase.ts';
import { parseVaultHeader } from './parseVaultHeader.ts';
import { unwrapVdk, type UnlockOptions } from './unwrapVdk.ts';
import { defaultUnlockThrottle, type UnlockThrottle } from './UnlockThrottle.ts';
import { vaultKeysOf, type Vault } from './Vault.ts';
import {
  encodeHeaderPrefix,
  headerWrapAd,
  SALT_BYTES,
  VAULT_HEADER_ID,
  VAULT_TABLE,
} from './vaultHeaderFormat.ts';

export interface RewrapOptions extends UnlockOptions {
  /** Proves the person at the unlocked screen knows the passphrase before we replace it. */
  readonly currentPassphrase: string;
  /** The current passphrase is kept when omitted (re-calibration only). */
  readonly newPassphrase?: string;
  /** The current params are kept when omitted (passphrase change only). */
  readonly params?: KdfParams;
  readonly throttle?: UnlockThrottle;
}

export type RewrapError =
  'locked' | 'unlock_failed' | 'storage_failed' | PassphraseError | KdfParamsError | DeriveKekError;

/**
 * Re-wraps the same VDK under a new passphrase and/or new KDF params with a fresh salt, replacing
 * the header in one atomic write. Sealed rows are untouched (they depend on the VDK only).
 * A wrong current passphrase is an unlock failure (generic, throttled); nothing is written.
 */
export async function rewrapVault(
  vault: Vault,
  options: RewrapOptions,
): Promise<Result<void, RewrapError>> {
  if (vault.locked) return err('locked');
  const newPass = normalizePassphrase(options.newPassphrase ?? options.currentPassphrase);
  if (!newPass.ok) return newPass;
  try {
    return await rewrapChecked(vault, options, newPass.value);
  } finally {
    newPass.value.fill(0);
  }
}

async function rewrapChecked(
  vault: Vault,
  options: RewrapOptions,
  newPass: Uint8Array,
): Promise<Result<void, RewrapError>> {
  const throttle = options.throttle ?? defaultUnlockThrottle;
  // Unwrap the stored header with the current passphrase: proves knowledge, and that the header
  // on disk wraps this vault's VDK (not another installation's).
  const current = await throttle.run(async () => {
    const unwrapped = await unwrapVdk(vault.storage, options.currentPassphrase, options);
    if (!unwrapped.ok) return unwrapped;
    const { vdk, header } = unwrapped.value;
    const same = !vault.locked && bytesEqual(vdk, vaultKeysOf(vault).vdk());
    vdk.fill(0);
    return same ? ok(header.params) : err('unwrap_failed');
  });
  if (!current.ok) return err('unlock_failed');

  const params = options.params ?? current.value;
  const checked = checkKdfParams(params, options.floor);
  if (!checked.ok) return checked;
  const salt = randomBytes(SALT_BYTES);
  const prefix = encodeHeaderPrefix(params, salt);
  const kek = await deriveKek(options.kdf, newPass.slice(), salt, params);
  if (!kek.ok) return kek;
  if (vault.locked) {
    kek.value.fill(0);
    return err('locked');
  }
  const vdk = vaultKeysOf(vault).vdk();
  const wrapped = aeadSeal(kek.value, vdk, headerWrapAd(prefix));
  // Check our own work before replacing the only copy of the wrapped key.
  const check = aeadOpen(kek.value, wrapped, headerWrapAd(prefix));
  kek.value.fill(0);
  const header = concatBytes(prefix, wrapped);
  if (
    check === undefined ||
    !bytesEqual(check, vdk) ||
    !parseVaultHeader(header, options.floor).ok
  ) {
    throw new Error('rewrapVault produced an unusable header'); // programming error
  }
  check.fill(0);
  try {
    await vault.storage.write([
      { op: 'put', table: VAULT_TABLE, id: VAULT_HEADER_ID, bytes: header },
    ]);
  } catch {
    return err('storage_failed');
  }
  return ok(undefined);
}
