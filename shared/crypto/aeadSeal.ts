import { randomBytes } from './randomBytes.ts';
import { sodium } from './sodium.ts';

export const AEAD_KEY_BYTES = 32;
export const AEAD_NONCE_BYTES = 24;
export const AEAD_TAG_BYTES = 16;

/**
 * XChaCha20-Poly1305-IETF: returns nonce || ciphertext+tag. A random 192-bit nonce is safe to
 * draw per message. `nonce` may be fixed only by known-answer tests.
 */
export function aeadSeal(
  key: Uint8Array,
  plaintext: Uint8Array,
  ad: Uint8Array,
  nonce: Uint8Array = randomBytes(AEAD_NONCE_BYTES),
): Uint8Array {
  if (key.length !== AEAD_KEY_BYTES) throw new RangeError('AEAD key must be 32 bytes');
  if (nonce.length !== AEAD_NONCE_BYTES) throw new RangeError('AEAD nonce must be 24 bytes');
  const ct = sodium().crypto_aead_xchacha20poly1305_ietf_encrypt(plaintext, ad, null, nonce, key);
  const out = new Uint8Array(AEAD_NONCE_BYTES + ct.length);
  out.set(nonce, 0);
  out.set(ct, AEAD_NONCE_BYTES);
  return out;
}
