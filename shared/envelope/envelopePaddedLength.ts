import { ENVELOPE_KIND } from './EnvelopeKind.ts';
import { OFFSET_BODY, OFFSET_BODY_LENGTH, OFFSET_KIND } from './envelopeFormat.ts';
import { paddedEnvelopeLength } from './paddedEnvelopeLength.ts';

/**
 * Smallest padded size of a rotate op's envelope: a rotate to 51 members with one head (48 with
 * the maximum of 32 heads) fits, so the size of a rotate says nothing about a cell's member
 * count below that. Above it, powers of two: three sizes in all for 1 to 200 members.
 */
export const ROTATE_MIN_PADDED_BYTES = 8192;

/**
 * Where a roster op (PROTOCOL §9.1) keeps its version byte and its type, inside the body. A
 * rotate is version 1 (legacy: wraps signed in place) or 2 (a signed digest, wraps after the
 * signature): both hold one wrap per member.
 */
const ROTATE_VERSIONS: readonly number[] = [1, 2];
const ROSTER_OP_TYPE_OFFSET = 17;
const ROTATE_TYPE = 6;

/** A roster envelope whose body is a rotate op, of either version. */
function isRotate(plaintext: Uint8Array): boolean {
  if (plaintext[OFFSET_KIND] !== ENVELOPE_KIND.roster) return false;
  const view = new DataView(plaintext.buffer, plaintext.byteOffset, plaintext.byteLength);
  if (plaintext.length < OFFSET_BODY || view.getUint32(OFFSET_BODY_LENGTH) <= ROSTER_OP_TYPE_OFFSET)
    return false;
  return (
    ROTATE_VERSIONS.includes(plaintext[OFFSET_BODY] ?? 0) &&
    plaintext[OFFSET_BODY + ROSTER_OP_TYPE_OFFSET] === ROTATE_TYPE
  );
}

function nextPowerOfTwo(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}

/**
 * The one canonical padded length of an envelope plaintext (fields || signature): Padmé of
 * (length + 1), at least 256 bytes; for a rotate op's roster envelope, a power of two of at least
 * ROTATE_MIN_PADDED_BYTES, because a rotate holds one wrap per member (PROTOCOL §4.3). A pure
 * function of the plaintext, so each plaintext still has exactly one encoding.
 */
export function envelopePaddedLength(plaintext: Uint8Array): number {
  if (!isRotate(plaintext)) return paddedEnvelopeLength(plaintext.length);
  return Math.max(ROTATE_MIN_PADDED_BYTES, nextPowerOfTwo(plaintext.length + 1));
}
