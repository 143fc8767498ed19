import { toHex } from '../crypto/bytes.ts';
import { hash } from '../crypto/hash.ts';
import { LABELS } from '../crypto/labels.ts';
import { OP_ID_BYTES } from './RosterOp.ts';

/** opId = hex(BLAKE2b-128(rosterOpId label, the whole encoded op including its signature)). */
export function rosterOpId(encoded: Uint8Array): string {
  return toHex(hash(LABELS.rosterOpId, [encoded], OP_ID_BYTES));
}
