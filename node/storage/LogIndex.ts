import { TABLES, type Table } from '../../shared/storage/Storage.ts';
import type { BatchEntry } from './logFormat.ts';

/** Where a live value sits in the log file. */
export interface ValueLocation {
  readonly offset: number;
  readonly length: number;
}

/** A vault value somewhere in the log (live or superseded), with its record, for scrubbing. */
export interface VaultCopy extends ValueLocation {
  readonly recordStart: number;
  readonly recordLength: number;
}

/** Per-op framing bytes outside the id and value (kind, table, id length, value length). */
const OP_OVERHEAD = 8;

/**
 * In-memory index of live rows (a Map per table) pointing into the log; values stay on disk.
 * Also remembers every vault value written to the current log file so wipe can scrub them.
 */
export class LogIndex {
  readonly #tables = new Map<Table, Map<string, ValueLocation>>(TABLES.map((t) => [t, new Map()]));
  #liveBytes = 0;
  #rows = 0;
  #superseded = 0;
  readonly vaultCopies: VaultCopy[] = [];

  /** Applies a record's entries in order; `recordStart` is the record's offset in the file. */
  apply(entries: readonly BatchEntry[], recordStart: number, recordLength: number): void {
    for (const e of entries) {
      const rows = this.#rowsOf(e.table);
      const old = rows.get(e.id);
      if (old) {
        this.#liveBytes -= OP_OVERHEAD + e.id.length + old.length;
        this.#rows--;
        this.#superseded++;
        rows.delete(e.id);
      }
      if (e.op === 'delete') continue;
      const loc = { offset: recordStart + e.valueOffset, length: e.valueLength };
      rows.set(e.id, loc);
      this.#liveBytes += OP_OVERHEAD + e.id.length + e.valueLength;
      this.#rows++;
      if (e.table === 'vault') this.vaultCopies.push({ ...loc, recordStart, recordLength });
    }
  }

  get(table: Table, id: string): ValueLocation | undefined {
    return this.#rowsOf(table).get(id);
  }

  /** Ids starting with `prefix`, sorted by UTF-16 code units (the order IndexedDB uses). */
  ids(table: Table, prefix = ''): string[] {
    const out: string[] = [];
    for (const id of this.#rowsOf(table).keys()) if (id.startsWith(prefix)) out.push(id);
    return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  entries(table: Table): IterableIterator<[string, ValueLocation]> {
    return this.#rowsOf(table).entries();
  }

  /** Bytes a freshly compacted log would need for the live rows (record headers aside). */
  /** Values deleted or overwritten since this index began: still in the log file until compaction. */
  get superseded(): number {
    return this.#superseded;
  }

  get liveBytes(): number {
    return this.#liveBytes;
  }

  get rows(): number {
    return this.#rows;
  }

  #rowsOf(table: Table): Map<string, ValueLocation> {
    const rows = this.#tables.get(table);
    if (!rows) throw new RangeError('unknown table');
    return rows;
  }
}
