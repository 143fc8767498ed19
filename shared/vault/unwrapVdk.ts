import type { Storage } from '../storage/Storage.ts';
import { err, ok, type Result } from '../util/result.ts';
import { deriveKek, type DeriveKekError } from './deriveKek.ts';
import type { Kdf, TestOnlyKdfFloor } from './kdfParams.ts';
import { normalizePassphrase, type PassphraseError } from './normalizePassphrase.ts';
import { openVaultSlots, type OpenedSlot } from './openVaultSlots.ts';
import { parseVaultHeader, type HeaderError, type VaultHeader } from './parseVaultHeader.ts';
import { VAULT_HEADER_ID, VAULT_TABLE } from './vaultHeaderFormat.ts';
import { sodiumReady } from '../crypto/sodium.ts';
import type { ChaffPolicy } from './writeChaff.ts';

export interface UnlockOptions {
  readonly kdf: Kdf;
  /** TESTS ONLY. */
  readonly floor?: TestOnlyKdfFloor;
  /** TESTS ONLY: chaff written along with sealed rows (NO_CHAFF to count rows). */
  readonly chaff?: ChaffPolicy;
}

export type UnlockError =
  'no_vault' | 'storage_failed' | 'unwrap_failed' | HeaderError | PassphraseError | DeriveKekError;

export interface Unwrapped extends OpenedSlot {
  readonly header: VaultHeader;
  /** The caller owns (and must zero) this, like `vdk`. */
  readonly kek: Uint8Array;
}

/**
 * Reads the stored header and unwraps a VDK with `passphrase`: ONE key derivation, whose KEK is
 * tried against both slots (openVaultSlots), so a duress unlock costs what a normal one costs.
 * Header checks (size, magic, version, KDF id, floor, cap) run before the KDF.
 * Writes nothing, whatever happens. The caller owns (and must zero) the returned VDK and KEK.
 */
export async function unwrapVdk(
  storage: Storage,
  passphrase: string,
  options: UnlockOptions,
): Promise<Result<Unwrapped, UnlockError>> {
  await sodiumReady(); // the KDF may run in a worker: this context still needs libsodium
  let bytes: Uint8Array | undefined;
  try {
    bytes = await storage.get(VAULT_TABLE, VAULT_HEADER_ID);
  } catch {
    return err('storage_failed');
  }
  if (bytes === undefined) return err('no_vault');
  const header = parseVaultHeader(bytes, options.floor);
  if (!header.ok) return header;
  const pass = normalizePassphrase(passphrase);
  if (!pass.ok) return pass;
  const { salt, params } = header.value;
  const kek = await deriveKek(options.kdf, pass.value, salt, params);
  if (!kek.ok) return kek;
  const opened = openVaultSlots(kek.value, header.value);
  if (opened === undefined) {
    kek.value.fill(0);
    return err('unwrap_failed');
  }
  return ok({ ...opened, header: header.value, kek: kek.value });
}
