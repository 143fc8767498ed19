import { TABLES, type Table, type WriteOp } from './Storage.ts';
import { StorageError } from './StorageError.ts';

/** Row ids are random ids, hashes or `scope/id` paths: printable ASCII, no spaces, bounded. */
const ROW_ID = /^[\x21-\x7e]{1,1024}$/;
export const MAX_ID_CHARS = 1024;

export const isTable = (t: unknown): t is Table =>
  typeof t === 'string' && (TABLES as readonly string[]).includes(t);

export const isRowId = (id: unknown): id is string => typeof id === 'string' && ROW_ID.test(id);

/**
 * Checks every op of a batch before anything is applied. With `copy`, every value is copied into
 * a fresh, tight Uint8Array synchronously, so later changes to the caller's buffers cannot reach
 * the store and structured clone never persists the bytes around a subarray view (IndexedDB).
 * Throws StorageError('invalid-op'). Error messages never include ids or bytes.
 */
export function validateWriteOps(ops: unknown, options: { copy?: boolean } = {}): WriteOp[] {
  if (!Array.isArray(ops)) throw new StorageError('invalid-op', 'ops must be an array');
  return ops.map((raw: unknown, i): WriteOp => {
    if (typeof raw !== 'object' || raw === null) throw invalid(i, 'not an object');
    const op = raw as Record<string, unknown>;
    const { table, id } = op;
    if (!isTable(table)) throw invalid(i, 'unknown table');
    if (!isRowId(id)) throw invalid(i, 'bad id');
    if (op.op === 'delete') return { op: 'delete', table, id };
    if (op.op !== 'put') throw invalid(i, 'unknown op');
    if (!(op.bytes instanceof Uint8Array)) throw invalid(i, 'bytes must be a Uint8Array');
    return { op: 'put', table, id, bytes: options.copy ? new Uint8Array(op.bytes) : op.bytes };
  });
}

const invalid = (i: number, why: string): StorageError =>
  new StorageError('invalid-op', `op ${i}: ${why}`);
