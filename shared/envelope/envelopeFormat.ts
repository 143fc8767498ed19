import { AEAD_NONCE_BYTES, AEAD_TAG_BYTES } from '../crypto/aeadSeal.ts';
import { SIGNATURE_BYTES, SIGN_PUBLIC_BYTES } from '../crypto/signDetached.ts';

/**
 * Byte layout of a sealed envelope (docs/PROTOCOL.md, "Envelope"). Changing any of these is a
 * protocol version change.
 */
export const ENVELOPE_VERSION = 1;
export const DOC_ID_BYTES = 16;

/** version u8 || nonce: the cleartext part in front of the ciphertext. */
export const ENVELOPE_HEADER_BYTES = 1 + AEAD_NONCE_BYTES;
/** sealed length = padded plaintext length + this. */
export const ENVELOPE_OVERHEAD_BYTES = ENVELOPE_HEADER_BYTES + AEAD_TAG_BYTES;

/** Offsets inside the (unpadded) plaintext. */
export const OFFSET_KIND = 0;
export const OFFSET_DOC_ID = 1;
export const OFFSET_AUTHOR = OFFSET_DOC_ID + DOC_ID_BYTES;
export const OFFSET_SEQ = OFFSET_AUTHOR + SIGN_PUBLIC_BYTES;
export const OFFSET_TIME = OFFSET_SEQ + 4;
export const OFFSET_BODY_LENGTH = OFFSET_TIME + 8;
export const OFFSET_BODY = OFFSET_BODY_LENGTH + 4;
/** Plaintext bytes besides the body: 65 bytes of fields + the 64-byte signature = 129. */
export const ENVELOPE_FIXED_PLAINTEXT_BYTES = OFFSET_BODY + SIGNATURE_BYTES;

/** Smallest padded plaintext: hides the length of every typing batch with a body under 127 bytes. */
export const MIN_PADDED_BYTES = 256;

/** Hard cap on a sealed envelope, enforced before any decryption. */
export const MAX_SEALED_ENVELOPE_BYTES = 8 * 1024 * 1024;

/**
 * The largest body whose sealed envelope fits the cap: Padmé sizes in [2^22, 2^23) step by 2^17,
 * so the largest padded size <= 8 MiB - 41 is 8,257,536 = 63 * 2^17, which holds a plaintext of
 * 8,257,535 bytes (one byte goes to the 0x80 marker), minus 129 fixed bytes. Asserted by a test.
 */
export const MAX_BODY_BYTES = 8_257_406;
