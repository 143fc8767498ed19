import { concatBytes } from '../crypto/bytes.ts';
import { randomBytes } from '../crypto/randomBytes.ts';
import type { Storage } from '../storage/Storage.ts';
import { err, ok, type Result } from '../util/result.ts';
import { deriveKek, type DeriveKekError } from './deriveKek.ts';
import {
  checkKdfParams,
  KDF_FLOOR,
  type Kdf,
  type KdfParams,
  type KdfParamsError,
  type TestOnlyKdfFloor,
} from './kdfParams.ts';
import { normalizePassphrase, type PassphraseError } from './normalizePassphrase.ts';
import { parseVaultHeader } from './parseVaultHeader.ts';
import { sealVaultSlot } from './sealVaultSlot.ts';
import { chaffTarget } from './chaffTarget.ts';
import { Vault, type VaultOptions } from './Vault.ts';
import {
  encodeHeaderPrefix,
  SALT_BYTES,
  SLOT_BYTES,
  VAULT_HEADER_ID,
  VAULT_TABLE,
  VDK_BYTES,
} from './vaultHeaderFormat.ts';
import { sodiumReady } from '../crypto/sodium.ts';

export interface CreateVaultOptions {
  readonly kdf: Kdf;
  /** Calibrated params (calibrateKdf); the floor when omitted. */
  readonly params?: KdfParams;
  /** TESTS ONLY. */
  readonly floor?: TestOnlyKdfFloor;
  /** Chaff written with sealed rows (tests turn it off to count rows). */
  readonly chaff?: VaultOptions['chaff'];
}

export type CreateVaultError =
  'vault_exists' | 'storage_failed' | PassphraseError | KdfParamsError | DeriveKekError;

/**
 * Creates the installation's vault: a random 32-byte VDK wrapped under Argon2id(passphrase) in a
 * slot picked at random; the other slot is random bytes of the same size (room for a duress
 * passphrase later, indistinguishable from a used slot). Refuses to overwrite an existing header
 * (that would destroy every sealed row's key).
 * Returns the vault unlocked.
 */
export async function createVault(
  storage: Storage,
  passphrase: string,
  options: CreateVaultOptions,
): Promise<Result<Vault, CreateVaultError>> {
  await sodiumReady(); // the KDF may run in a worker: this context still needs libsodium
  const params = options.params ?? KDF_FLOOR;
  const checked = checkKdfParams(params, options.floor);
  if (!checked.ok) return checked;
  try {
    if ((await storage.get(VAULT_TABLE, VAULT_HEADER_ID)) !== undefined) return err('vault_exists');
  } catch {
    return err('storage_failed');
  }
  const pass = normalizePassphrase(passphrase);
  if (!pass.ok) return pass;

  const salt = randomBytes(SALT_BYTES);
  const prefix = encodeHeaderPrefix(params, salt);
  const kek = await deriveKek(options.kdf, pass.value, salt, params);
  if (!kek.ok) return kek;
  const vdk = randomBytes(VDK_BYTES);
  const slot = (randomBytes(1)[0] ?? 0) & 1;
  const sealed = sealVaultSlot(kek.value, prefix, slot, vdk, 0);
  kek.value.fill(0);
  const other = randomBytes(SLOT_BYTES);
  const header =
    slot === 0 ? concatBytes(prefix, sealed, other) : concatBytes(prefix, other, sealed);
  if (!parseVaultHeader(header, options.floor).ok) {
    throw new Error('createVault produced a header it cannot parse'); // programming error
  }
  try {
    await storage.write([{ op: 'put', table: VAULT_TABLE, id: VAULT_HEADER_ID, bytes: header }]);
  } catch {
    vdk.fill(0);
    return err('storage_failed');
  }
  return ok(
    new Vault(storage, vdk, { slot, chaff: options.chaff, chaffTarget: chaffTarget(salt) }),
  );
}
