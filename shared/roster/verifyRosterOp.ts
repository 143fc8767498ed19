import { bytesEqual, toHex } from '../crypto/bytes.ts';
import { LABELS } from '../crypto/labels.ts';
import { verifyDetached } from '../crypto/verifyDetached.ts';
import { err, ok, type Result } from '../util/result.ts';
import { decodeRosterOp, type DecodeError } from './decodeRosterOp.ts';
import type { RosterOp } from './RosterOp.ts';

export type VerifyError = DecodeError | 'wrong_cell' | 'bad_signature';

const ZERO_CELL = new Uint8Array(16);

/**
 * Size cap, decode, cell id, then the author's Ed25519 signature (LABELS.rosterOpSig). A genesis
 * carries an all-zero cell id field and belongs to the cell whose id is its own opId.
 */
export function verifyRosterOp(
  bytes: Uint8Array,
  cellId: Uint8Array,
): Result<RosterOp, VerifyError> {
  const decoded = decodeRosterOp(bytes);
  if (!decoded.ok) return decoded;
  const op = decoded.value;
  const inCell =
    op.body.type === 'genesis'
      ? bytesEqual(op.cellId, ZERO_CELL) && op.opId === toHex(cellId)
      : bytesEqual(op.cellId, cellId);
  if (!inCell) return err('wrong_cell');
  if (!verifyDetached(op.author, LABELS.rosterOpSig, op.signed, op.signature))
    return err('bad_signature');
  return ok(op);
}
