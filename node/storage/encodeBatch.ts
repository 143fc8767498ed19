import type { WriteOp } from '../../shared/storage/Storage.ts';
import {
  type BatchEntry,
  MAX_PAYLOAD_BYTES,
  OP_DELETE,
  OP_PUT,
  RECORD_HEADER_BYTES,
  sealRecord,
} from './logFormat.ts';
import { StorageError } from '../../shared/storage/StorageError.ts';
import { TABLE_CODES } from './tableCodes.ts';

/**
 * Encodes validated ops (ASCII ids, see validateWriteOps) as one sealed log record, copying
 * the values. Throws StorageError('too-large') above MAX_PAYLOAD_BYTES.
 */
export function encodeBatch(ops: readonly WriteOp[]): {
  record: Uint8Array;
  entries: BatchEntry[];
} {
  let payload = 4;
  for (const op of ops) payload += 4 + op.id.length + (op.op === 'put' ? 4 + op.bytes.length : 0);
  if (payload > MAX_PAYLOAD_BYTES) throw new StorageError('too-large', 'batch too large');
  const record = new Uint8Array(RECORD_HEADER_BYTES + payload);
  const view = new DataView(record.buffer);
  let at = RECORD_HEADER_BYTES;
  view.setUint32(at, ops.length, true);
  at += 4;
  const entries: BatchEntry[] = [];
  for (const op of ops) {
    record[at] = op.op === 'put' ? OP_PUT : OP_DELETE;
    record[at + 1] = TABLE_CODES[op.table];
    view.setUint16(at + 2, op.id.length, true);
    at += 4;
    for (let i = 0; i < op.id.length; i++) record[at + i] = op.id.charCodeAt(i);
    at += op.id.length;
    if (op.op === 'delete') {
      entries.push({ op: 'delete', table: op.table, id: op.id });
      continue;
    }
    view.setUint32(at, op.bytes.length, true);
    at += 4;
    record.set(op.bytes, at);
    entries.push({
      op: 'put',
      table: op.table,
      id: op.id,
      valueOffset: at,
      valueLength: op.bytes.length,
    });
    at += op.bytes.length;
  }
  sealRecord(record);
  return { record, entries };
}
