import { aeadSeal } from '../crypto/aeadSeal.ts';
import { concatBytes, fromHex } from '../crypto/bytes.ts';
import { LABELS } from '../crypto/labels.ts';
import { signDetached } from '../crypto/signDetached.ts';
import { err, ok, type Result } from '../util/result.ts';
import {
  forkReleaseAd,
  FORK_RELEASE_VERSION,
  releaseSignatureInput,
  RELEASE_SUBJECT_BYTES,
  type ReleaseSubject,
} from './forkRelease.ts';

/**
 * A coordinator signs and seals a release (forkRelease.ts):
 * `u8(1) ‖ Seal(contentKey, author ‖ doc ‖ proof id ‖ coordinator ‖ signature)`.
 */
export function sealForkRelease(
  subject: ReleaseSubject,
  coordinator: { readonly signPk: Uint8Array; readonly signSk: Uint8Array },
  contentKey: Uint8Array,
  cellId: Uint8Array,
  epoch: number,
): Result<Uint8Array, 'invalid_subject'> {
  const author = fromHex(subject.authorHex);
  const doc = fromHex(subject.docHex);
  const proof = fromHex(subject.proofId);
  if (!author || !doc || !proof) return err('invalid_subject');
  const body = concatBytes(author, doc, proof);
  if (body.length !== RELEASE_SUBJECT_BYTES) return err('invalid_subject');
  const signature = signDetached(
    coordinator.signSk,
    LABELS.forkRelease,
    releaseSignatureInput(cellId, body),
  );
  const plain = concatBytes(body, coordinator.signPk, signature);
  const sealed = aeadSeal(contentKey, plain, forkReleaseAd(cellId, epoch));
  return ok(concatBytes(new Uint8Array([FORK_RELEASE_VERSION]), sealed));
}
