import { type BatchEntry, FORMAT_V2, OP_DELETE, OP_PUT, type RecordFormat } from './logFormat.ts';
import { tableFromCode } from './tableCodes.ts';
import { isRowId, MAX_ID_CHARS } from '../../shared/storage/validateWriteOps.ts';

/**
 * Parses the payload of an intact record (checksum already verified). Strict: any bound,
 * code, id or trailing byte out of place returns undefined and the record counts as corrupt.
 */
export function decodeBatch(
  record: Uint8Array,
  format: RecordFormat = FORMAT_V2,
): BatchEntry[] | undefined {
  const view = new DataView(record.buffer, record.byteOffset, record.byteLength);
  const end = record.length;
  let at = format.headerBytes;
  if (end - at < 4) return undefined;
  const count = view.getUint32(at, true);
  at += 4;
  if (count > (end - at) / 4) return undefined; // every op takes at least 4 bytes
  const entries: BatchEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (end - at < 4) return undefined;
    const kind = record[at];
    const table = tableFromCode(record[at + 1] ?? 0);
    const idLength = view.getUint16(at + 2, true);
    at += 4;
    if (table === undefined || idLength > MAX_ID_CHARS || end - at < idLength) return undefined;
    const id = String.fromCharCode(...record.subarray(at, at + idLength));
    if (!isRowId(id)) return undefined;
    at += idLength;
    if (kind === OP_DELETE) {
      entries.push({ op: 'delete', table, id });
      continue;
    }
    if (kind !== OP_PUT || end - at < 4) return undefined;
    const valueLength = view.getUint32(at, true);
    at += 4;
    if (end - at < valueLength) return undefined;
    entries.push({ op: 'put', table, id, valueOffset: at, valueLength });
    at += valueLength;
  }
  return at === end ? entries : undefined;
}
