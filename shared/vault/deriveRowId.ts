import { toHex, utf8 } from '../crypto/bytes.ts';
import { hash } from '../crypto/hash.ts';
import { LABELS } from '../crypto/labels.ts';

const SEP = new Uint8Array([0]);

/**
 * Storage row id for a logical key: hex(keyed BLAKE2b(idKey, table || 0x00 || key)). Without the
 * vault key the ids look random and share no prefix, so a seized database shows no grouping of
 * rows by cell or document. Table names never contain 0x00, which keeps the input unambiguous.
 */
export function deriveRowId(idKey: Uint8Array, table: string, key: string): string {
  return toHex(hash(LABELS.vaultRowId, [utf8(table), SEP, utf8(key)], 32, idKey));
}
