import { concatBytes } from '../crypto/bytes.ts';

/**
 * What the NEW signing key signs (label LABELS.rekeyProof) in a `rekey` op: cellId (16) || old
 * signPk (32) || new signPk (32) || new boxPk (32). Bound to the cell and to the identity being
 * moved, so a proof cannot be replayed to move anyone else, or anywhere else, onto these keys.
 */
export function rekeyProofMessage(
  cellId: Uint8Array,
  oldSignPk: Uint8Array,
  newSignPk: Uint8Array,
  newBoxPk: Uint8Array,
): Uint8Array {
  return concatBytes(cellId, oldSignPk, newSignPk, newBoxPk);
}
