/**
 * Invite code v2 (docs/PROTOCOL.md §10.2):
 *   "QUIRE1-" then groups of 5 characters of the bech32 alphabet, upper case:
 *   version symbol (5 bits) || payload bytes as 5-bit symbols || bech32m checksum (6 symbols)
 *   payload = s (32) || commitment (16) || 1..4 x (header u8: bit 7 = wss, bits 0-6 = n) ||
 *   n ASCII bytes of "host[:port][/path]" (the URL after its scheme).
 * The commitment binds the code to the cell and the inviting coordinator (inviteCommitment.ts).
 * Version 1 (no commitment) is refused as outdated.
 */

/** bech32 human-readable part; with the separator "1" it gives the visible prefix QUIRE1. */
export const INVITE_CODE_HRP = 'quire';
export const INVITE_CODE_PREFIX = 'QUIRE1';
export const INVITE_CODE_VERSION = 2;
/** Codes of this version were made by an older Quire (no commitment): refused as outdated. */
export const OUTDATED_INVITE_CODE_VERSION = 1;
export const INVITE_SECRET_BYTES = 32;
/** KDF_16(s, "quire/invite-commit/v1", cellId || inviterSignPk). */
export const INVITE_COMMITMENT_BYTES = 16;

/** At most this many rendezvous URLs in a code (the cell config may list more). */
export const MAX_CODE_URLS = 4;
/** Bytes after "ws://" or "wss://": 7 bits of length in the entry header. */
export const MAX_URL_REST_BYTES = 127;
/** Characters per dash-separated group in the displayed code. */
export const CODE_GROUP_SIZE = 5;

/**
 * Raw pasted text longer than this is refused before any parsing. The longest valid code (4 URLs
 * of 127 bytes) is 1,091 characters; the margin allows generous whitespace and line breaks.
 */
export const MAX_INVITE_CODE_INPUT_CHARS = 2048;

/** bech32m checksum length in symbols. */
export const CHECKSUM_SYMBOLS = 6;
