import { aeadOpen } from '../crypto/aeadOpen.ts';
import { bytesEqual, toHex } from '../crypto/bytes.ts';
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
import type { RosterPort } from './RosterPort.ts';
import { signedDigest } from './signedDigest.ts';

export interface ProvenFork {
  readonly authorHex: string;
  readonly docHex: string;
}

/**
 * Checks a fork proof itself, never trusting whoever posted it: size, content id, AEAD, framing,
 * both envelopes decode, name one author the roster knows, one doc, kind (not roster: a roster
 * op stands on its own, PROTOCOL §9.4) and seq, differ in their signed fields, and each carries
 * that author's valid signature for its epoch.
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
    x.seq === y.seq &&
    x.kind !== ENVELOPE_KIND.roster;
  if (!same || signedDigest(x) === signedDigest(y)) return err('malformed', 'not a fork');
  if (!ctx.roster.knows(x.author)) return err('malformed', 'unknown author');
  if (!verifyEnvelopeSignature(x, ctx.cellId, a.epoch).ok) return err('malformed', 'signature');
  if (!verifyEnvelopeSignature(y, ctx.cellId, b.epoch).ok) return err('malformed', 'signature');
  return ok({ authorHex: toHex(x.author), docHex: toHex(x.docId) });
}
