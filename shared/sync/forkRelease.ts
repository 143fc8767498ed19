import { concatBytes, labelBytes, u32be } from '../crypto/bytes.ts';
import { LABELS } from '../crypto/labels.ts';
import { AEAD_NONCE_BYTES, AEAD_TAG_BYTES } from '../crypto/aeadSeal.ts';
import { SIGN_PUBLIC_BYTES, SIGNATURE_BYTES } from '../crypto/signDetached.ts';
import { envelopeId } from '../envelope/envelopeId.ts';
import { DOC_ID_BYTES } from '../envelope/envelopeFormat.ts';

/**
 * A coordinator's release (PROTOCOL §5.2): "author X's writes in document D, held since the fork
 * proven by proof P, may be applied again". Signed by the coordinator, sealed under the wire
 * doc's content key, posted under `release/<content id>`. A release names one proof: a later
 * fork by X in D is held again until released again.
 */
export const FORK_RELEASE_PREFIX = 'release/';
export const FORK_RELEASE_VERSION = 1;
/** A proof's id: the two sides' signed digests (16 bytes each), smaller first. */
export const PROOF_ID_BYTES = 32;
/** author ‖ doc ‖ proof id: what the coordinator signs (after the label and the cell id). */
export const RELEASE_SUBJECT_BYTES = SIGN_PUBLIC_BYTES + DOC_ID_BYTES + PROOF_ID_BYTES;
/** subject ‖ coordinator ‖ signature. */
export const RELEASE_PLAINTEXT_BYTES = RELEASE_SUBJECT_BYTES + SIGN_PUBLIC_BYTES + SIGNATURE_BYTES;
export const FORK_RELEASE_BYTES = 1 + AEAD_NONCE_BYTES + RELEASE_PLAINTEXT_BYTES + AEAD_TAG_BYTES;
/** Releases kept per wire doc, like proofs (forkProof.ts). */
export const MAX_FORK_RELEASES_PER_SCOPE = 64;

export interface ReleaseSubject {
  readonly authorHex: string;
  readonly docHex: string;
  /** 64 hex chars (proofIdOf). */
  readonly proofId: string;
}

export const forkReleaseKey = (sealed: Uint8Array): string =>
  FORK_RELEASE_PREFIX + envelopeId(sealed);

export const isForkReleaseKey = (key: string): boolean => key.startsWith(FORK_RELEASE_PREFIX);

/** A proof's id from its two sides' signed digests (hex), in either order. */
export const proofIdOf = (a: string, b: string): string => (a < b ? a + b : b + a);

/** What the coordinator's signature covers: cellId ‖ subject (under LABELS.forkRelease). */
export const releaseSignatureInput = (cellId: Uint8Array, subject: Uint8Array): Uint8Array =>
  concatBytes(cellId, subject);

export const forkReleaseAd = (cellId: Uint8Array, epoch: number): Uint8Array =>
  concatBytes(
    labelBytes(LABELS.forkReleaseAd),
    new Uint8Array([FORK_RELEASE_VERSION]),
    cellId,
    u32be(epoch),
  );
