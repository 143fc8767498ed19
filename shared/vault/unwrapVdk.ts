import { aeadOpen } from '../crypto/aeadOpen.ts';
import type { Storage } from '../storage/Storage.ts';
import { err, ok, type Result } from '../util/result.ts';
import { deriveKek, type DeriveKekError } from './deriveKek.ts';
import type { Kdf, TestOnlyKdfFloor } from './kdfParams.ts';
import { normalizePassphrase, type PassphraseError } from './normalizePassphrase.ts';
import { parseVaultHeader, type HeaderError, type VaultHeader } from './parseVaultHeader.ts';
import { headerWrapAd, VAULT_HEADER_ID, VAULT_TABLE, VDK_BYTES } from './vaultHeaderFormat.ts';
import { sodiumReady } from '../crypto/sodium.ts';

export interface UnlockOptions {
  readonly kdf: Kdf;
  /** TESTS ONLY. */
  readonly floor?: TestOnlyKdfFloor;
}

export type UnlockError =
  'no_vault' | 'storage_failed' | 'unwrap_failed' | HeaderError | PassphraseError | DeriveKekError;

/**
 * Reads the stored header and unwraps the VDK with `passphrase`. Header checks (size, magic,
 * version, KDF id, floor, cap) run before the KDF; the KEK is zeroed before returning.
 * Writes nothing, whatever happens. The caller owns (and must zero) the returned VDK.
 */
export async function unwrapVdk(
  storage: Storage,
  passphrase: string,
  options: UnlockOptions,
): Promise<Result<{ vdk: Uint8Array; header: VaultHeader }, UnlockError>> {
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
  const { salt, params, prefix, wrappedVdk } = header.value;
  const kek = await deriveKek(options.kdf, pass.value, salt, params);
  if (!kek.ok) return kek;
  const vdk = aeadOpen(kek.value, wrappedVdk, headerWrapAd(prefix));
  kek.value.fill(0);
  if (vdk === undefined || vdk.length !== VDK_BYTES) return err('unwrap_failed');
  return ok({ vdk, header: header.value });
}
