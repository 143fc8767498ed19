/** A parsed invite code: everything a code carries, and nothing else. */
export interface InviteCode {
  readonly version: number;
  /** The 32-byte invite secret s. */
  readonly secret: Uint8Array;
  /** inviteCommitment(s, cellId, inviterSignPk): which cell and coordinator may answer (16 bytes). */
  readonly commitment: Uint8Array;
  /**
   * When the invite stops being valid (ms since 1970, a whole minute: the roster's expiresAt
   * rounded up). Informational for the joiner: the coordinator's clock and roster decide.
   */
  readonly expiresAt: number;
  /** Canonical ws:// or wss:// URLs of the cell's rendezvous servers, 1 to 4. */
  readonly rendezvousUrls: readonly string[];
}

/**
 * Why a pasted text is not a usable code, for the UI:
 * - not_a_quire_code: no QUIRE1 prefix (some other text was pasted);
 * - checksum_mismatch: a typo (a character outside the alphabet, or the checksum fails);
 * - outdated_version: a well-formed code from an older Quire (version 1: no commitment to its
 *   cell; version 2: no expiry): ask for a new one;
 * - unsupported_version: a well-formed code from a newer Quire;
 * - malformed: too long, too short, or a checksummed payload that does not parse, including an
 *   expiry outside 2024-01-01..2100-01-01 (a broken generator, never a typo).
 */
export type InviteCodeError =
  | 'not_a_quire_code'
  | 'checksum_mismatch'
  | 'outdated_version'
  | 'unsupported_version'
  | 'malformed';
