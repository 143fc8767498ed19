import { concatBytes, u32be } from '../crypto/bytes.ts';

/**
 * The message signed under LABELS.presenceSig: cellId (16) || epoch u32be || the presence
 * plaintext before its signature (author || clientId || time || seq || stateLength || state).
 */
export function presenceSignatureInput(
  cellId: Uint8Array,
  epoch: number,
  encodedFields: Uint8Array,
): Uint8Array {
  return concatBytes(cellId, u32be(epoch), encodedFields);
}
