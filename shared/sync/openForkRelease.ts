import { aeadOpen } from '../crypto/aeadOpen.ts';
import { toHex } from '../crypto/bytes.ts';
import { LABELS } from '../crypto/labels.ts';
import { SIGN_PUBLIC_BYTES } from '../crypto/signDetached.ts';
import { verifyDetached } from '../crypto/verifyDetached.ts';
import { DOC_ID_BYTES } from '../envelope/envelopeFormat.ts';
import { err, ok, type Result } from '../util/result.ts';
import {
  forkReleaseAd,
  forkReleaseKey,
  FORK_RELEASE_BYTES,
  FORK_RELEASE_VERSION,
  releaseSignatureInput,
  RELEASE_SUBJECT_BYTES,
  type ReleaseSubject,
} from './forkRelease.ts';
import type { RosterPort } from './RosterPort.ts';

/**
 * Checks a release itself: exact size, content id, AEAD, the coordinator's signature, and that
 * the roster holds its signer as a coordinator now (PROTOCOL §5.2). Anything else is 'malformed'.
 */
export function openForkRelease(
  key: string,
  value: unknown,
  ctx: { cellId: Uint8Array; epoch: number; contentKey: Uint8Array; roster: RosterPort },
): Result<ReleaseSubject, 'malformed' | 'not_coordinator'> {
  if (!(value instanceof Uint8Array) || value.length !== FORK_RELEASE_BYTES)
    return err('malformed', 'size');
  if (value[0] !== FORK_RELEASE_VERSION || forkReleaseKey(value) !== key)
    return err('malformed', 'id');
  const plain = aeadOpen(ctx.contentKey, value.subarray(1), forkReleaseAd(ctx.cellId, ctx.epoch));
  if (!plain) return err('malformed', 'decrypt');
  const subject = plain.subarray(0, RELEASE_SUBJECT_BYTES);
  const signer = plain.subarray(RELEASE_SUBJECT_BYTES, RELEASE_SUBJECT_BYTES + SIGN_PUBLIC_BYTES);
  const signature = plain.subarray(RELEASE_SUBJECT_BYTES + SIGN_PUBLIC_BYTES);
  const input = releaseSignatureInput(ctx.cellId, subject);
  if (!verifyDetached(signer, LABELS.forkRelease, input, signature))
    return err('malformed', 'signature');
  if (ctx.roster.isCoordinator?.(signer) !== true) return err('not_coordinator');
  return ok({
    authorHex: toHex(subject.subarray(0, SIGN_PUBLIC_BYTES)),
    docHex: toHex(subject.subarray(SIGN_PUBLIC_BYTES, SIGN_PUBLIC_BYTES + DOC_ID_BYTES)),
    proofId: toHex(subject.subarray(SIGN_PUBLIC_BYTES + DOC_ID_BYTES)),
  });
}
