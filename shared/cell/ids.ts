import { randomBytes } from '../crypto/randomBytes.ts';
import { toHex } from '../crypto/bytes.ts';

const ID_PATTERN = /^[0-9a-f]{32}$/;
const SIGN_PK_PATTERN = /^[0-9a-f]{64}$/;

/** A new random 16-byte id as 32 lowercase hex characters (drafts, tasks, versions). */
export const newId = (): string => toHex(randomBytes(16));

/**
 * The first 8 bytes (hex) of every comments document's id (commentsDocId): readers may write to
 * such a document when the cell lets them comment, so no draft or image may take an id there
 * (a random id does with probability 2^-64; a member choosing one is refused).
 */
export const COMMENTS_DOC_PREFIX = '7175697265636d74';

/**
 * 32 lowercase hex characters outside the reserved range 0x00 * 15 || 0x00..0x0f and outside the
 * comments documents' range (COMMENTS_DOC_PREFIX).
 */
export const isDraftId = (value: string): boolean =>
  ID_PATTERN.test(value) &&
  !value.startsWith('0'.repeat(31)) &&
  !value.startsWith(COMMENTS_DOC_PREFIX);

/** 32 lowercase hex characters (task and version ids). */
export const isEntryId = (value: string): boolean => ID_PATTERN.test(value);

/** An Ed25519 public key as 64 lowercase hex characters. */
export const isSignPkHex = (value: unknown): value is string =>
  typeof value === 'string' && SIGN_PK_PATTERN.test(value);
