import { checkKdfParams, type KdfParams, type KdfParamsError } from './kdfParams.ts';
import {
  HEADER_PREFIX_BYTES,
  KDF_ID_ARGON2ID13,
  SALT_BYTES,
  SLOT_BYTES,
  SLOT_COUNT,
  V1_HEADER_BYTES,
  VAULT_HEADER_BYTES,
  VAULT_MAGIC,
  VAULT_VERSION,
  VAULT_VERSION_V1,
} from './vaultHeaderFormat.ts';
import { err, ok, type Result } from '../util/result.ts';

export interface VaultHeader {
  readonly version: typeof VAULT_VERSION | typeof VAULT_VERSION_V1;
  readonly params: KdfParams;
  readonly salt: Uint8Array;
  /** v2: the two slots (used or random). v1: the one wrappedVdk. */
  readonly slots: readonly Uint8Array[];
  /** Every byte before the slots (part of each slot's associated data). */
  readonly prefix: Uint8Array;
}

export type HeaderError =
  'header_size' | 'header_magic' | 'header_version' | 'header_kdf' | KdfParamsError;

/**
 * Parses and bounds-checks a header (v2, or a v1 awaiting its upgrade) before any key derivation
 * runs, so a tampered header can neither weaken the KDF below the floor nor make us allocate
 * beyond the cap. `floor` is lowered only by tests (TestOnlyKdfFloor); production omits it.
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
  const version = bytes[4];
  if (version !== VAULT_VERSION && version !== VAULT_VERSION_V1) return err('header_version');
  const size = version === VAULT_VERSION ? VAULT_HEADER_BYTES : V1_HEADER_BYTES;
  if (bytes.length !== size) return err('header_size');
  if (bytes[5] !== KDF_ID_ARGON2ID13) return err('header_kdf');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const params: KdfParams = {
    opslimit: view.getUint32(6, false),
    memlimit: view.getUint32(10, false),
  };
  const checked = checkKdfParams(params, floor);
  if (!checked.ok) return checked;
  const slots: Uint8Array[] = [];
  if (version === VAULT_VERSION) {
    for (let i = 0; i < SLOT_COUNT; i++) {
      const at = HEADER_PREFIX_BYTES + i * SLOT_BYTES;
      slots.push(bytes.slice(at, at + SLOT_BYTES));
    }
  } else slots.push(bytes.slice(HEADER_PREFIX_BYTES));
  return ok({
    version,
    params,
    salt: bytes.slice(14, 14 + SALT_BYTES),
    slots,
    prefix: bytes.slice(0, HEADER_PREFIX_BYTES),
  });
}
