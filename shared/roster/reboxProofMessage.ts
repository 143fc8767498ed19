import { concatBytes } from '../crypto/bytes.ts';

/**
 * What the proof key signs (label LABELS.reboxProof) in a `rebox` op: cellId (16) || author
 * signPk (32) || new boxPk (32). Bound to the cell and the member, so a proof cannot be replayed
 * to give anyone else, in any cell, this box key.
 */
export function reboxProofMessage(
  cellId: Uint8Array,
  author: Uint8Array,
  newBoxPk: Uint8Array,
): Uint8Array {
  return concatBytes(cellId, author, newBoxPk);
}
