/**
 * An in-memory Storage for vault unit tests: honours the port's contract (atomic batches, id
 * order, quarantine move, wipe) and records every mutating call so tests can assert "nothing was
 * written" and the order of a panic wipe. The IndexedDB adapter is exercised in wipe.test.ts.
 */
import type { Row, Storage, Table, WriteOp } from '../../../shared/storage/Storage.ts';
import type { StorageReport } from '../../../shared/storage/StorageReport.ts';

export type Call =
  | { readonly kind: 'write'; readonly ops: readonly WriteOp[] }
  | {
      readonly kind: 'quarantine';
      readonly table: Table;
      readonly id: string;
      readonly reason: string;
    }
  | { readonly kind: 'wipe' };

export class MemoryStorage implements Storage {
  readonly tables = new Map<Table, Map<string, Uint8Array>>();
  readonly calls: Call[] = [];
  /** When set, the next write rejects (and applies nothing). */
  failNextWrite = false;
  /** When set, `list` waits for this promise before answering (to interleave a lock). */
  listGate: Promise<void> | undefined;

  #t(table: Table): Map<string, Uint8Array> {
    let t = this.tables.get(table);
    if (!t) this.tables.set(table, (t = new Map<string, Uint8Array>()));
    return t;
  }

  get(table: Table, id: string): Promise<Uint8Array | undefined> {
    const b = this.#t(table).get(id);
    return Promise.resolve(b?.slice());
  }

  async list(table: Table, prefix = ''): Promise<Row[]> {
    if (this.listGate) await this.listGate;
    return [...this.#t(table)]
      .filter(([id]) => id.startsWith(prefix))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([id, bytes]) => ({ id, bytes: bytes.slice() }));
  }

  async keys(table: Table, prefix?: string): Promise<string[]> {
    return (await this.list(table, prefix)).map((r) => r.id);
  }

  write(ops: readonly WriteOp[]): Promise<void> {
    this.calls.push({ kind: 'write', ops: ops.map((o) => ({ ...o })) });
    if (this.failNextWrite) {
      this.failNextWrite = false;
      return Promise.reject(new Error('injected write failure'));
    }
    for (const op of ops) {
      if (op.op === 'put') this.#t(op.table).set(op.id, op.bytes.slice());
      else this.#t(op.table).delete(op.id);
    }
    return Promise.resolve();
  }

  quarantine(table: Table, id: string, reason: string): Promise<void> {
    this.calls.push({ kind: 'quarantine', table, id, reason });
    const bytes = this.#t(table).get(id);
    if (bytes) {
      this.#t('quarantine').set(`${table}/${id}`, bytes);
      this.#t(table).delete(id);
    }
    return Promise.resolve();
  }

  wipe(): Promise<void> {
    this.calls.push({ kind: 'wipe' });
    this.tables.clear();
    return Promise.resolve();
  }

  close(): Promise<void> {
    return Promise.resolve();
  }

  /** Nothing at rest can be damaged in memory, and refused writes are only injected. */
  reports(): readonly StorageReport[] {
    return [];
  }

  onReport(): () => void {
    return () => undefined;
  }

  /** Direct access for tamper tests (bypasses `calls`). */
  raw(table: Table): Map<string, Uint8Array> {
    return this.#t(table);
  }

  rowCount(): number {
    let n = 0;
    for (const t of this.tables.values()) n += t.size;
    return n;
  }

  mutations(): number {
    return this.calls.length;
  }
}
