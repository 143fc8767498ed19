import { AEAD_NONCE_BYTES, AEAD_TAG_BYTES } from '../crypto/aeadSeal.ts';
import { SIGNATURE_BYTES, SIGN_PUBLIC_BYTES } from '../crypto/signDetached.ts';

/**
 * Byte layout of a sealed presence blob (docs/PROTOCOL.md §6). Version 2 signs the author's
 * awareness clientID and a timestamp, so a blob is bound to one session and one moment.
 */
export const PRESENCE_VERSION = 2;
export const MAX_PRESENCE_STATE_BYTES = 2048;

/** Offsets inside the presence plaintext. */
export const PRESENCE_OFFSET_AUTHOR = 0;
export const PRESENCE_OFFSET_CLIENT = PRESENCE_OFFSET_AUTHOR + SIGN_PUBLIC_BYTES;
export const PRESENCE_OFFSET_TIME = PRESENCE_OFFSET_CLIENT + 8;
export const PRESENCE_OFFSET_SEQ = PRESENCE_OFFSET_TIME + 8;
export const PRESENCE_OFFSET_STATE_LENGTH = PRESENCE_OFFSET_SEQ + 8;
export const PRESENCE_OFFSET_STATE = PRESENCE_OFFSET_STATE_LENGTH + 2;
/** author (32) + clientId (8) + time (8) + seq (8) + stateLength (2) + signature (64) = 122. */
export const PRESENCE_FIXED_PLAINTEXT_BYTES = PRESENCE_OFFSET_STATE + SIGNATURE_BYTES;

/** Every presence plaintext is padded to this size, so blob sizes say nothing about the state. */
export const PRESENCE_PADDED_BYTES = 2304;
/** The one valid sealed size: version (1) + nonce (24) + 2304 + tag (16) = 2345. */
export const PRESENCE_SEALED_BYTES = 1 + AEAD_NONCE_BYTES + PRESENCE_PADDED_BYTES + AEAD_TAG_BYTES;

export const PRESENCE_REJECTIONS = [
  'bad_length',
  'unsupported_version',
  'decrypt_failed',
  'bad_padding',
  'malformed',
  'bad_signature',
] as const;

export type PresenceRejection = (typeof PRESENCE_REJECTIONS)[number];
