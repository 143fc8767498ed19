import { AEAD_NONCE_BYTES, AEAD_TAG_BYTES } from '../crypto/aeadSeal.ts';

/**
 * Join request v1, sealed: nonce (24) || XChaCha20-Poly1305(inviteKey, pad256(plaintext),
 * AD = len || "quire/join-request/v1" || inviteId) -- always exactly 296 bytes.
 * plaintext = version u8 || signPk (32) || boxPk (32) || requestId (16) || createdAt u64 ms ||
 *             u8 len || pseudonym UTF-8 (1-64) || joinerSignature (64)
 */
export const JOIN_REQUEST_VERSION = 1;
export const REQUEST_ID_BYTES = 16;
/** Every request pads to this size, so the pseudonym's length never shows. */
export const JOIN_REQUEST_PADDED_BYTES = 256;
export const JOIN_REQUEST_SEALED_BYTES =
  AEAD_NONCE_BYTES + JOIN_REQUEST_PADDED_BYTES + AEAD_TAG_BYTES;
