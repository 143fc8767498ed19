import { AEAD_KEY_BYTES, AEAD_NONCE_BYTES, AEAD_TAG_BYTES } from '../crypto/aeadSeal.ts';
import { concatBytes, labelBytes, u32be } from '../crypto/bytes.ts';
import { LABELS } from '../crypto/labels.ts';
import type { KdfParams } from './kdfParams.ts';

/**
 * Vault header v2, the single row `vault/header` (176 bytes):
 *   magic 'QVLT' (4) || version u8 (2) || kdf id u8 || opslimit u32be || memlimit u32be (bytes)
 *   || salt (16) || slot 0 (73) || slot 1 (73)
 * A slot is nonce (24) || XChaCha20-Poly1305(KEK, flags u8 || VDK (32)) + tag (16), with
 * associated data label || prefix || slot index u8. Every installation has both slots from the
 * first run on; an unused slot is 73 random bytes, which no one without a matching passphrase can
 * tell from a used one. The salt and KDF params are shared: one derivation per unlock, whose KEK
 * is tried against both slots (same work whichever slot opens, or none).
 * Version 1 (102 bytes: prefix || one wrappedVdk of 72 bytes = nonce || seal(VDK) + tag, AD
 * label || prefix) is still read, and upgraded to v2 on the first successful unlock.
 */
export const VAULT_TABLE = 'vault';
export const VAULT_HEADER_ID = 'header';
export const VAULT_MAGIC: Uint8Array = new Uint8Array([0x51, 0x56, 0x4c, 0x54]); // 'QVLT'
export const VAULT_VERSION = 2;
export const VAULT_VERSION_V1 = 1;
/** Our own id for Argon2id v1.3 (not libsodium's constant, which could change under us). */
export const KDF_ID_ARGON2ID13 = 1;
export const SALT_BYTES = 16;
export const VDK_BYTES = 32;
export const KEK_BYTES = AEAD_KEY_BYTES;
export const HEADER_PREFIX_BYTES = 4 + 1 + 1 + 4 + 4 + SALT_BYTES;
export const SLOT_COUNT = 2;
/** flags u8 || VDK. */
export const SLOT_PLAIN_BYTES = 1 + VDK_BYTES;
export const SLOT_BYTES = AEAD_NONCE_BYTES + SLOT_PLAIN_BYTES + AEAD_TAG_BYTES;
export const VAULT_HEADER_BYTES = HEADER_PREFIX_BYTES + SLOT_COUNT * SLOT_BYTES;
export const V1_WRAPPED_VDK_BYTES = AEAD_NONCE_BYTES + VDK_BYTES + AEAD_TAG_BYTES;
export const V1_HEADER_BYTES = HEADER_PREFIX_BYTES + V1_WRAPPED_VDK_BYTES;

/** Slot flag: opening this slot silently overwrites the other slot with random bytes. */
export const SLOT_FLAG_DESTROY_OTHER = 0x01;
export const SLOT_FLAGS_KNOWN = SLOT_FLAG_DESTROY_OTHER;

/** The bytes before the slots; they are authenticated as part of each slot's associated data. */
export function encodeHeaderPrefix(
  params: KdfParams,
  salt: Uint8Array,
  version: number = VAULT_VERSION,
): Uint8Array {
  if (salt.length !== SALT_BYTES) throw new RangeError('vault salt must be 16 bytes');
  return concatBytes(
    VAULT_MAGIC,
    new Uint8Array([version, KDF_ID_ARGON2ID13]),
    u32be(params.opslimit),
    u32be(params.memlimit),
    salt,
  );
}

/** Associated data of a v1 wrapped VDK. */
export function headerWrapAd(prefix: Uint8Array): Uint8Array {
  return concatBytes(labelBytes(LABELS.vaultKek), prefix);
}

/** Associated data of slot `slot` of a v2 header. */
export function slotWrapAd(prefix: Uint8Array, slot: number): Uint8Array {
  return concatBytes(labelBytes(LABELS.vaultSlot), prefix, new Uint8Array([slot]));
}
