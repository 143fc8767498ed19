import { toHex } from '../crypto/bytes.ts';
import { hash } from '../crypto/hash.ts';
import { LABELS } from '../crypto/labels.ts';
import { SIGNATURE_BYTES } from '../crypto/signDetached.ts';
import { OP_ID_BYTES, ROTATE_OP_VERSION } from './RosterOp.ts';

/** Offset of the head count: version (1) || cellId (16) || type (1) || author (32). */
const HEAD_COUNT_AT = 50;

/**
 * How many leading bytes the opId covers: the op up to and including its signature. That is the
 * whole op, except for a format-2 rotate, whose wraps follow the signature and may be pruned
 * without changing which op it is. Bytes too short for their own lengths are hashed whole (they
 * are malformed; decodeRosterOp refuses them).
 */
function idSpan(encoded: Uint8Array): number {
  if (encoded[0] !== ROTATE_OP_VERSION) return encoded.length;
  const heads = encoded[HEAD_COUNT_AT];
  if (heads === undefined) return encoded.length;
  const at = HEAD_COUNT_AT + 1 + heads * OP_ID_BYTES;
  const hi = encoded[at];
  const lo = encoded[at + 1];
  if (hi === undefined || lo === undefined) return encoded.length;
  return Math.min(encoded.length, at + 2 + ((hi << 8) | lo) + SIGNATURE_BYTES);
}

/** opId = hex(BLAKE2b-128(rosterOpId label, the encoded op up to and including its signature)). */
export function rosterOpId(encoded: Uint8Array): string {
  return toHex(hash(LABELS.rosterOpId, [encoded.subarray(0, idSpan(encoded))], OP_ID_BYTES));
}
