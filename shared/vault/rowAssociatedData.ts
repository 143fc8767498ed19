import { concatBytes, labelBytes, utf8 } from '../crypto/bytes.ts';
import { LABELS } from '../crypto/labels.ts';

/** AD for a sealed row: label || table || 0x00 || rowId. A row's bytes copied elsewhere fail to open. */
export function rowAssociatedData(table: string, rowId: string): Uint8Array {
  return concatBytes(labelBytes(LABELS.vaultRowAd), utf8(table), new Uint8Array([0]), utf8(rowId));
}
