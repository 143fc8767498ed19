import { concatBytes, labelBytes, u32be } from '../crypto/bytes.ts';
import { LABELS } from '../crypto/labels.ts';
import { AEAD_NONCE_BYTES, AEAD_TAG_BYTES } from '../crypto/aeadSeal.ts';
import { envelopeId } from '../envelope/envelopeId.ts';
import { ENVELOPE_FIXED_PLAINTEXT_BYTES, MAX_BODY_BYTES } from '../envelope/envelopeFormat.ts';

/**
 * A fork proof (PROTOCOL §5.1): the two envelopes in which one author signed different fields
 * under one doc, kind and seq, each as its decrypted plaintext (fields ‖ signature) with the epoch
 * it was signed for, sealed under the wire doc's content key and posted under
 * `fork/<content id>` so that every member can check both signatures and learn who forked.
 */
export const FORK_PROOF_PREFIX = 'fork/';
export const FORK_PROOF_VERSION = 1;

/** The largest envelope plaintext (fields and signature, unpadded). */
export const MAX_ENVELOPE_PLAINTEXT_BYTES = ENVELOPE_FIXED_PLAINTEXT_BYTES + MAX_BODY_BYTES;
/** Both envelopes at their largest, framed, plus version, nonce and tag. */
export const MAX_FORK_PROOF_BYTES =
  1 + AEAD_NONCE_BYTES + AEAD_TAG_BYTES + 1 + 2 * (8 + MAX_ENVELOPE_PLAINTEXT_BYTES);
/** Proofs kept per wire doc: one per author and document, and no more than this in all. */
export const MAX_FORK_PROOFS_PER_SCOPE = 64;

export interface ForkSide {
  readonly epoch: number;
  /** The envelope's plaintext as decryptEnvelope returns it. */
  readonly plaintext: Uint8Array;
}

export const forkProofKey = (sealed: Uint8Array): string => FORK_PROOF_PREFIX + envelopeId(sealed);

export const isForkProofKey = (key: string): boolean => key.startsWith(FORK_PROOF_PREFIX);

export const forkProofAd = (cellId: Uint8Array, epoch: number): Uint8Array =>
  concatBytes(
    labelBytes(LABELS.forkProof),
    new Uint8Array([FORK_PROOF_VERSION]),
    cellId,
    u32be(epoch),
  );

/** `u8(1) ‖ 2 × (u32be(epoch) ‖ u32be(length) ‖ plaintext)`. */
export function encodeForkSides(a: ForkSide, b: ForkSide): Uint8Array {
  const side = (s: ForkSide) => concatBytes(u32be(s.epoch), u32be(s.plaintext.length), s.plaintext);
  return concatBytes(new Uint8Array([FORK_PROOF_VERSION]), side(a), side(b));
}

/** The two sides, or undefined for anything but exactly two well-framed sides. */
export function decodeForkSides(bytes: Uint8Array): readonly [ForkSide, ForkSide] | undefined {
  if (bytes[0] !== FORK_PROOF_VERSION) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sides: ForkSide[] = [];
  let at = 1;
  for (let i = 0; i < 2; i++) {
    if (at + 8 > bytes.length) return undefined;
    const epoch = view.getUint32(at);
    const length = view.getUint32(at + 4);
    at += 8;
    if (length > MAX_ENVELOPE_PLAINTEXT_BYTES || at + length > bytes.length) return undefined;
    sides.push({ epoch, plaintext: bytes.subarray(at, at + length) });
    at += length;
  }
  const [a, b] = sides;
  return at === bytes.length && a && b ? [a, b] : undefined;
}
