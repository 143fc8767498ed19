import { checkKdfParams, type KdfParams, type KdfParamsError } from './kdfParams.ts';
import {
  HEADER_PREFIX_BYTES,
  KDF_ID_ARGON2ID13,
  SALT_BYTES,
  VAULT_HEADER_BYTES,
  VAULT_MAGIC,
  VAULT_VERSION,
} from './vaultHeaderFormat.ts';
import { err, ok, type Result } from '../util/result.ts';

export interface VaultHeader {
  readonly params: KdfParams;
  readonly salt: Uint8Array;
  readonly wrappedVdk: Uint8Array;
  /** Every byte before wrappedVdk (the wrap's associated data). */
  readonly prefix: Uint8Array;
}

export type HeaderError =
  'header_size' | 'header_magic' | 'header_version' | 'header_kdf' | KdfParamsError;

/**
 * Parses and bounds-checks a v1 header before any key derivation runs, so a tampered header can
 * neither weaken the KDF below the floor nor make us allocate beyond the cap. `floor` is
 * lowered only by tests (TestOnlyKdfFloor); production calls omit it.
 */
export function parseVaultHeader(
  bytes: Uint8Array,
  floor?: KdfParams,
): Result<VaultHeader, HeaderError> {
  // Size first: an unknown version could in principle be longer, but nothing we read is.
  if (bytes.length < VAULT_MAGIC.length + 1) return err('header_size');
  for (let i = 0; i < VAULT_MAGIC.length; i++) {
    if (bytes[i] !== VAULT_MAGIC[i]) return err('header_magic');
  }
  if (bytes[4] !== VAULT_VERSION) return err('header_version');
  if (bytes.length !== VAULT_HEADER_BYTES) return err('header_size');
  if (bytes[5] !== KDF_ID_ARGON2ID13) return err('header_kdf');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const params: KdfParams = {
    opslimit: view.getUint32(6, false),
    memlimit: view.getUint32(10, false),
  };
  const checked = checkKdfParams(params, floor);
  if (!checked.ok) return checked;
  return ok({
    params,
    salt: bytes.slice(14, 14 + SALT_BYTES),
    wrappedVdk: bytes.slice(HEADER_PREFIX_BYTES),
    prefix: bytes.slice(0, HEADER_PREFIX_BYTES),
  });
}
