/**
 * Invite code v3 (docs/PROTOCOL.md §10.2):
 *   "QUIRE1-" then groups of 5 characters of the bech32 alphabet, upper case:
 *   version symbol (5 bits) || payload bytes as 5-bit symbols || bech32m checksum (6 symbols)
 *   payload = s (32) || commitment (16) || u32be(expiry in whole minutes since 1970) ||
 *   1..4 x (header u8: bit 7 = wss, bits 0-6 = n) || n ASCII bytes of "host[:port][/path]".
 * The commitment binds the code to the cell and the inviting coordinator (inviteCommitment.ts).
 * The expiry is informational for the joiner (the coordinator's roster decides). Versions 1 (no
 * commitment) and 2 (no expiry) are refused as outdated.
 */

/** bech32 human-readable part; with the separator "1" it gives the visible prefix QUIRE1. */
export const INVITE_CODE_HRP = 'quire';
export const INVITE_CODE_PREFIX = 'QUIRE1';
export const INVITE_CODE_VERSION = 3;
/**
 * Codes of these versions were made by an older Quire (1: no commitment, 2: no expiry): refused
 * as outdated, so the person asks for a new code.
 */
export const OUTDATED_INVITE_CODE_VERSIONS: readonly number[] = [1, 2];
export const INVITE_SECRET_BYTES = 32;
/** KDF_16(s, "quire/invite-commit/v1", cellId || inviterSignPk). */
export const INVITE_COMMITMENT_BYTES = 16;

const MINUTE_MS = 60_000;
/**
 * The expiry field's range, in whole minutes since 1970-01-01T00:00Z, both ends included:
 * 2024-01-01T00:00Z (before any version-3 code existed) to 2100-01-01T00:00Z. Fixed dates, not
 * the reader's clock, so that a code parses the same on every device and every day; how the
 * expiry compares with the clock is inviteValidity's question, not the parser's.
 */
export const MIN_INVITE_EXPIRY_MINUTES = Date.UTC(2024, 0, 1) / MINUTE_MS;
export const MAX_INVITE_EXPIRY_MINUTES = Date.UTC(2100, 0, 1) / MINUTE_MS;
export const INVITE_EXPIRY_UNIT_MS = MINUTE_MS;

/** At most this many rendezvous URLs in a code (the cell config may list more). */
export const MAX_CODE_URLS = 4;
/** Bytes after "ws://" or "wss://": 7 bits of length in the entry header. */
export const MAX_URL_REST_BYTES = 127;
/** Characters per dash-separated group in the displayed code. */
export const CODE_GROUP_SIZE = 5;

/**
 * Raw pasted text longer than this is refused before any parsing. The longest valid code (4 URLs
 * of 127 bytes) is 1,097 characters; the margin allows generous whitespace and line breaks.
 */
export const MAX_INVITE_CODE_INPUT_CHARS = 2048;

/** bech32m checksum length in symbols. */
export const CHECKSUM_SYMBOLS = 6;
