import type { EnvelopeKind } from './EnvelopeKind.ts';

/** The signed fields of an envelope, in wire order. */
export interface EnvelopeFields {
  readonly kind: EnvelopeKind;
  /** 16 bytes. */
  readonly docId: Uint8Array;
  /** The author's Ed25519 public key, 32 bytes. */
  readonly author: Uint8Array;
  /** Per author per document, starts at 1, u32. */
  readonly seq: number;
  /** Author's clock, ms since 1970; informational only, never trusted for ordering. */
  readonly time: number;
  readonly body: Uint8Array;
}

/** An envelope after decrypt + decode, before its signature and author have been checked. */
export interface DecodedEnvelope extends EnvelopeFields {
  /** Ed25519 signature, 64 bytes (see envelopeSignatureInput). */
  readonly signature: Uint8Array;
}
