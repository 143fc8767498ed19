/**
 * A coordinator's answer to a join request other than a welcome. Sealed under the invite key, so
 * only holders of s read it. Not signed: the joiner knows no coordinator key before its welcome, so
 * anyone holding s could forge one (the UI says "declined or no longer valid: ask your contact").
 */
export const INVITE_NOTICE_KINDS = ['denied', 'expired', 'revoked', 'used'] as const;
export type InviteNoticeKind = (typeof INVITE_NOTICE_KINDS)[number];

export interface InviteNotice {
  /**
   * denied: a coordinator declined this request; expired: past expiresAt by the coordinator's
   * clock; revoked: the invite was revoked (or died with its inviter); used: someone already
   * joined with this single-use code (if it was not the joiner, the code was intercepted).
   */
  readonly kind: InviteNoticeKind;
  /** The request this answers (JoinRequest.requestId). */
  readonly requestId: Uint8Array;
  /** Coordinator's clock, ms. */
  readonly issuedAt: number;
}

/**
 * Sealed notice v1: nonce (24) || XChaCha20-Poly1305(inviteKey, version u8 || kind u8 ||
 * requestId (16) || issuedAt u64, AD = len || "quire/invite-notice/v1" || inviteId): 66 bytes.
 */
export const INVITE_NOTICE_VERSION = 1;
export const INVITE_NOTICE_PLAINTEXT_BYTES = 26;
export const INVITE_NOTICE_SEALED_BYTES = 24 + INVITE_NOTICE_PLAINTEXT_BYTES + 16;
