import { AEAD_KEY_BYTES, AEAD_NONCE_BYTES, AEAD_TAG_BYTES } from '../crypto/aeadSeal.ts';
import { concatBytes, labelBytes, u32be } from '../crypto/bytes.ts';
import { LABELS } from '../crypto/labels.ts';
import type { KdfParams } from './kdfParams.ts';

/**
 * Vault header v1, the single row `vault/header`:
 *   magic 'QVLT' (4) || version u8 || kdf id u8 || opslimit u32be || memlimit u32be (bytes)
 *   || salt (16) || wrappedVdk = nonce (24) || XChaCha20-Poly1305(KEK, VDK (32)) + tag (16)
 * The wrap's associated data is label || every header byte before wrappedVdk, so editing a
 * parameter, the salt or the version makes unwrapping fail even with the right passphrase.
 */
export const VAULT_TABLE = 'vault';
export const VAULT_HEADER_ID = 'header';
export const VAULT_MAGIC: Uint8Array = new Uint8Array([0x51, 0x56, 0x4c, 0x54]); // 'QVLT'
export const VAULT_VERSION = 1;
/** Our own id for Argon2id v1.3 (not libsodium's constant, which could change under us). */
export const KDF_ID_ARGON2ID13 = 1;
export const SALT_BYTES = 16;
export const VDK_BYTES = 32;
export const KEK_BYTES = AEAD_KEY_BYTES;
export const HEADER_PREFIX_BYTES = 4 + 1 + 1 + 4 + 4 + SALT_BYTES;
export const WRAPPED_VDK_BYTES = AEAD_NONCE_BYTES + VDK_BYTES + AEAD_TAG_BYTES;
export const VAULT_HEADER_BYTES = HEADER_PREFIX_BYTES + WRAPPED_VDK_BYTES;

/** The bytes before wrappedVdk; they are authenticated as the wrap's associated data. */
export function encodeHeaderPrefix(params: KdfParams, salt: Uint8Array): Uint8Array {
  if (salt.length !== SALT_BYTES) throw new RangeError('vault salt must be 16 bytes');
  return concatBytes(
    VAULT_MAGIC,
    new Uint8Array([VAULT_VERSION, KDF_ID_ARGON2ID13]),
    u32be(params.opslimit),
    u32be(params.memlimit),
    salt,
  );
}

/** Associated data binding the wrapped VDK to its header prefix. */
export function headerWrapAd(prefix: Uint8Array): Uint8Array {
  return concatBytes(labelBytes(LABELS.vaultKek), prefix);
}
