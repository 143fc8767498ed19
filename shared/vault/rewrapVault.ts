import { bytesEqual, concatBytes } from '../crypto/bytes.ts';
import { randomBytes } from '../crypto/randomBytes.ts';
import { err, ok, type Result } from '../util/result.ts';
import { deriveKek, type DeriveKekError } from './deriveKek.ts';
import { checkKdfParams, type KdfParams, type KdfParamsError } from './kdfParams.ts';
import { normalizePassphrase, type PassphraseError } from './normalizePassphrase.ts';
import { sealVaultSlot } from './sealVaultSlot.ts';
import { unwrapVdk, type UnlockOptions } from './unwrapVdk.ts';
import { defaultUnlockThrottle, type UnlockThrottle } from './UnlockThrottle.ts';
import { vaultKeysOf, type Vault } from './Vault.ts';
import { writeVaultHeader } from './writeVaultHeader.ts';
import { encodeHeaderPrefix, SLOT_BYTES, VAULT_VERSION } from './vaultHeaderFormat.ts';

export interface RewrapOptions extends UnlockOptions {
  /** Proves the person at the unlocked screen knows the passphrase before we replace it. */
  readonly currentPassphrase: string;
  /** The current passphrase is kept when omitted (re-calibration only). */
  readonly newPassphrase?: string;
  /**
   * Must equal the current params when given: salt and params are shared by both header slots,
   * so they cannot change without the other slot's passphrase ('params_shared').
   */
  readonly params?: KdfParams;
  readonly throttle?: UnlockThrottle;
}

export type RewrapError =
  | 'locked'
  | 'unlock_failed'
  | 'storage_failed'
  | 'params_shared'
  | PassphraseError
  | KdfParamsError
  | DeriveKekError;

/**
 * Re-wraps the same VDK under a new passphrase in its own header slot, keeping the shared salt and
 * params and the other slot's bytes, replacing the header in one atomic write (a v1 header comes
 * out as v2). Sealed rows are untouched (they depend on the VDK only).
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
  // on disk wraps this vault's VDK (not another installation's, nor the other slot's vault).
  const current = await throttle.run(async () => {
    const unwrapped = await unwrapVdk(vault.storage, options.currentPassphrase, options);
    if (!unwrapped.ok) return unwrapped;
    const { vdk, kek, header, slot } = unwrapped.value;
    kek.fill(0);
    const same = !vault.locked && bytesEqual(vdk, vaultKeysOf(vault).vdk());
    vdk.fill(0);
    return same ? ok({ header, slot }) : err('unwrap_failed');
  });
  if (!current.ok) return err('unlock_failed');
  const { header, slot } = current.value;

  // Salt and params are shared by both slots: the other slot (random, or another vault whose
  // passphrase we do not know) only stays usable if they stay as they are.
  const params = options.params ?? header.params;
  const checked = checkKdfParams(params, options.floor);
  if (!checked.ok) return checked;
  if (params.opslimit !== header.params.opslimit || params.memlimit !== header.params.memlimit) {
    return err('params_shared');
  }
  const prefix = encodeHeaderPrefix(header.params, header.salt);
  const kek = await deriveKek(options.kdf, newPass.slice(), header.salt, header.params);
  if (!kek.ok) return kek;
  if (vault.locked) {
    kek.value.fill(0);
    return err('locked');
  }
  const vdk = vaultKeysOf(vault).vdk();
  const sealed = sealVaultSlot(kek.value, prefix, slot, vdk, 0);
  const slots = header.version === VAULT_VERSION ? header.slots.slice() : [sealed, sealed];
  if (header.version !== VAULT_VERSION) slots[1 - slot] = randomBytes(SLOT_BYTES);
  slots[slot] = sealed;
  const bytes = concatBytes(prefix, ...slots);
  return writeVaultHeader(vault.storage, bytes, {
    kek: kek.value,
    slot,
    vdk,
    floor: options.floor,
  });
}
