import { AEAD_KEY_BYTES, AEAD_NONCE_BYTES, AEAD_TAG_BYTES } from './aeadSeal.ts';
import { sodium } from './sodium.ts';

/**
 * Opens nonce || ciphertext+tag sealed by `aeadSeal`. Returns undefined on any failure (wrong key,
 * wrong associated data, truncation, tampering): callers map that to their own typed reason.
 */
export function aeadOpen(
  key: Uint8Array,
  sealed: Uint8Array,
  ad: Uint8Array,
): Uint8Array | undefined {
  if (key.length !== AEAD_KEY_BYTES) return undefined;
  if (sealed.length < AEAD_NONCE_BYTES + AEAD_TAG_BYTES) return undefined;
  try {
    return sodium().crypto_aead_xchacha20poly1305_ietf_decrypt(
      null,
      sealed.subarray(AEAD_NONCE_BYTES),
      ad,
      sealed.subarray(0, AEAD_NONCE_BYTES),
      key,
    );
  } catch {
    return undefined;
  }
}
