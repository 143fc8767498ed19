/** A join request as the coordinator's app sees it after openJoinRequest has verified it. */
export interface JoinRequest {
  readonly version: number;
  /** The joiner's fresh Ed25519 public key (its identity in this cell). */
  readonly signPk: Uint8Array;
  /** The joiner's fresh X25519 public key: the welcome is sealed to it. */
  readonly boxPk: Uint8Array;
  /** Random; names this request in notices and lets peers drop duplicates. */
  readonly requestId: Uint8Array;
  /** The joiner's clock (ms since 1970). Informational only: expiry is the coordinator's clock. */
  readonly createdAt: number;
  readonly pseudonym: string;
  /** signDetached(signSk, LABELS.joinProof, joinerSignatureMessage(...)); goes into `admit`. */
  readonly joinerSignature: Uint8Array;
}
