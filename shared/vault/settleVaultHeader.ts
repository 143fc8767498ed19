import { concatBytes } from '../crypto/bytes.ts';
import { randomBytes } from '../crypto/randomBytes.ts';
import type { Storage } from '../storage/Storage.ts';
import { err, ok, type Result } from '../util/result.ts';
import type { Unwrapped } from './unwrapVdk.ts';
import { sealVaultSlot } from './sealVaultSlot.ts';
import {
  encodeHeaderPrefix,
  SLOT_BYTES,
  SLOT_FLAG_DESTROY_OTHER,
  VAULT_HEADER_ID,
  VAULT_TABLE,
  VAULT_VERSION_V1,
} from './vaultHeaderFormat.ts';

/** A v2 header with `vdk` in `slot` (flags 0) and random bytes in the other slot. */
export function headerWithOneSlot(
  prefix: Uint8Array,
  kek: Uint8Array,
  slot: number,
  vdk: Uint8Array,
): Uint8Array {
  const sealed = sealVaultSlot(kek, prefix, slot, vdk, 0);
  const other = randomBytes(SLOT_BYTES);
  return slot === 0 ? concatBytes(prefix, sealed, other) : concatBytes(prefix, other, sealed);
}

/**
 * What a successful unlock must do to the header before the vault is used. Returns the slot the
 * vault lives in afterwards. Nothing is written in the ordinary case.
 * - The opened slot carries SLOT_FLAG_DESTROY_OTHER (a duress passphrase set to destroy the real
 *   vault): the other slot is overwritten with random bytes and this slot resealed without the
 *   flag, in one write: the real vault's key is gone, and the header looks like any other.
 * - A v1 header (one slot): rewritten as v2, same salt and params, the VDK in a random slot.
 */
export async function settleVaultHeader(
  storage: Storage,
  unwrapped: Unwrapped,
): Promise<Result<number, 'storage_failed'>> {
  const { header, kek, vdk, flags } = unwrapped;
  let slot = unwrapped.slot;
  let bytes: Uint8Array | undefined;
  if (header.version === VAULT_VERSION_V1) {
    slot = (randomBytes(1)[0] ?? 0) & 1;
    bytes = headerWithOneSlot(encodeHeaderPrefix(header.params, header.salt), kek, slot, vdk);
  } else if ((flags & SLOT_FLAG_DESTROY_OTHER) !== 0) {
    bytes = headerWithOneSlot(header.prefix, kek, slot, vdk);
  }
  if (bytes === undefined) return ok(slot);
  try {
    await storage.write([{ op: 'put', table: VAULT_TABLE, id: VAULT_HEADER_ID, bytes }]);
  } catch {
    return err('storage_failed');
  }
  return ok(slot);
}
