import { concatBytes, u32be } from '../crypto/bytes.ts';

/**
 * The message an author signs (under LABELS.envelopeSig): cellId (16) || epoch u32be || the
 * encoded fields (kind .. body). Cell and epoch are signed too, so a signature never verifies for
 * another cell or epoch even if a content key leaked or was shared.
 */
export function envelopeSignatureInput(
  cellId: Uint8Array,
  epoch: number,
  encodedFields: Uint8Array,
): Uint8Array {
  return concatBytes(cellId, u32be(epoch), encodedFields);
}
