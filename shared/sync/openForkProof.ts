import { aeadOpen } from '../crypto/aeadOpen.ts';
import { bytesEqual, toHex } from '../crypto/bytes.ts';
import type { DecodedEnvelope } from '../envelope/DecodedEnvelope.ts';
import { ENVELOPE_KIND } from '../envelope/EnvelopeKind.ts';
import { decodeEnvelope } from '../envelope/decodeEnvelope.ts';
import { verifyEnvelopeSignature } from '../envelope/verifyEnvelopeSignature.ts';
import { err, ok, type Result } from '../util/result.ts';
import {
  decodeForkSides,
  forkProofAd,
  forkProofKey,
  FORK_PROOF_VERSION,
  MAX_FORK_PROOF_BYTES,
} from './forkProof.ts';
import { proofIdOf } from './forkRelease.ts';
import type { RosterPort } from './RosterPort.ts';
import { signedDigest } from './signedDigest.ts';
import { decodeUpdateBody } from './updateBody.ts';

export interface ProvenFork {
  readonly authorHex: string;
  readonly docHex: string;
  /** The two sides' signed digests, smaller first (what a coordinator's release names). */
  readonly proofId: string;
  /** Both envelopes (their versions heal the document: ForkVersions). */
  readonly sides: readonly [DecodedEnvelope, DecodedEnvelope];
  /** The epoch each side was signed in (the write check of its version asks: ForkVersions). */
  readonly epochs: readonly [number, number];
}

/**
 * Checks a fork proof itself, never trusting whoever posted it: size, content id, AEAD, framing,
 * both envelopes decode, name one author the roster knows, one doc and kind (not roster: a roster
 * op stands on its own, PROTOCOL §9.4), and either share a seq and differ in their signed fields
 * or are updates at seq n and n + 1 where the later's hash-chain link names another envelope
 * than the earlier; each carries that author's valid signature for its epoch.
 */
export function openForkProof(
  key: string,
  value: unknown,
  ctx: { cellId: Uint8Array; epoch: number; contentKey: Uint8Array; roster: RosterPort },
): Result<ProvenFork, 'malformed'> {
  if (!(value instanceof Uint8Array) || value.length > MAX_FORK_PROOF_BYTES)
    return err('malformed', 'size');
  if (value[0] !== FORK_PROOF_VERSION || forkProofKey(value) !== key) return err('malformed', 'id');
  const plain = aeadOpen(ctx.contentKey, value.subarray(1), forkProofAd(ctx.cellId, ctx.epoch));
  if (!plain) return err('malformed', 'decrypt');
  const sides = decodeForkSides(plain);
  if (!sides) return err('malformed', 'framing');
  const [a, b] = sides.map((s) => ({ epoch: s.epoch, env: decodeEnvelope(s.plaintext) }));
  if (!a?.env.ok || !b?.env.ok) return err('malformed', 'envelope');
  const x = a.env.value;
  const y = b.env.value;
  const same =
    bytesEqual(x.author, y.author) &&
    bytesEqual(x.docId, y.docId) &&
    x.kind === y.kind &&
    x.kind !== ENVELOPE_KIND.roster;
  if (!same || !(forkedSeq(x, y) || forkedLink(x, y) || forkedLink(y, x)))
    return err('malformed', 'not a fork');
  if (!ctx.roster.knows(x.author)) return err('malformed', 'unknown author');
  if (!verifyEnvelopeSignature(x, ctx.cellId, a.epoch).ok) return err('malformed', 'signature');
  if (!verifyEnvelopeSignature(y, ctx.cellId, b.epoch).ok) return err('malformed', 'signature');
  const proofId = proofIdOf(signedDigest(x), signedDigest(y));
  return ok({
    authorHex: toHex(x.author),
    docHex: toHex(x.docId),
    proofId,
    sides: [x, y],
    epochs: [a.epoch, b.epoch],
  });
}

/** One seq, different signed fields. */
const forkedSeq = (x: DecodedEnvelope, y: DecodedEnvelope): boolean =>
  x.seq === y.seq && signedDigest(x) !== signedDigest(y);

/** Updates at seq n and n + 1 where n + 1 names another envelope than `earlier` as its seq n. */
function forkedLink(earlier: DecodedEnvelope, later: DecodedEnvelope): boolean {
  if (earlier.kind !== ENVELOPE_KIND.update || later.seq !== earlier.seq + 1) return false;
  const body = decodeUpdateBody(later.body);
  return body.ok && toHex(body.value.prev) !== signedDigest(earlier);
}
