import type { Table, WriteOp } from '../../../shared/storage/Storage.ts';
import { testBytes } from './storageContract.ts';

interface OpSpec {
  readonly table: Table;
  readonly id: string;
  /** For puts: the seed and length of the value; undefined for a delete. */
  readonly value?: { readonly seed: number; readonly length: number };
}

/**
 * The crash test's workload. Batch n overwrites a counter, rewrites one of 40 rows (some big,
 * so appends take long enough to be interrupted and the log keeps needing compaction), adds
 * an envelope and deletes an older one. Every value depends on n, so a half-applied batch, a
 * lost batch or a resurrected row all show up as a difference from `expectedAfter`.
 */
function batchSpec(n: number): OpSpec[] {
  const ops: OpSpec[] = [
    { table: 'settings', id: 'counter' }, // value: counterBytes(n), filled in by crashBatch
    { table: 'secrets', id: `r${n % 40}`, value: { seed: n, length: n % 9 === 0 ? 96_000 : 300 } },
    { table: 'envelopes', id: `e${n}`, value: { seed: n + 1_000_000, length: 120 } },
  ];
  if (n > 6) ops.push({ table: 'envelopes', id: `e${n - 6}` });
  return ops;
}

const valueOf = (n: number, spec: OpSpec): Uint8Array | undefined =>
  spec.id === 'counter'
    ? counterBytes(n)
    : spec.value && testBytes(spec.value.seed, spec.value.length);

export function crashBatch(n: number): WriteOp[] {
  return batchSpec(n).map((spec): WriteOp => {
    const bytes = valueOf(n, spec);
    return bytes
      ? { op: 'put', table: spec.table, id: spec.id, bytes }
      : { op: 'delete', table: spec.table, id: spec.id };
  });
}

export function counterBytes(n: number): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, n, true);
  return out;
}

export const counterValue = (bytes: Uint8Array | undefined): number =>
  bytes?.length === 4 ? new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0, true) : 0;

/** Every row (`table/id` -> bytes) after batches 1..n, applied in order. */
export function expectedAfter(n: number): Map<string, Uint8Array> {
  // Walk backwards: the latest op on a key decides it, so only final values are generated.
  const decided = new Map<string, Uint8Array | undefined>();
  for (let i = n; i >= 1; i--) {
    for (const spec of batchSpec(i).reverse()) {
      const key = `${spec.table}/${spec.id}`;
      if (!decided.has(key)) decided.set(key, valueOf(i, spec));
    }
  }
  const rows = new Map<string, Uint8Array>();
  for (const [key, bytes] of decided) if (bytes) rows.set(key, bytes);
  return rows;
}
