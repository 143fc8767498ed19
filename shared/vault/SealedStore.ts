import { aeadOpen } from '../crypto/aeadOpen.ts';
import { aeadSeal } from '../crypto/aeadSeal.ts';
import type { Storage, Table, WriteOp } from '../storage/Storage.ts';
import { decodeRowPlaintext } from './decodeRowPlaintext.ts';
import { deriveRowId } from './deriveRowId.ts';
import { encodeRowPlaintext, MAX_SEALED_ROW_BYTES } from './encodeRowPlaintext.ts';
import { rowAssociatedData } from './rowAssociatedData.ts';
import type { VaultKeys } from './VaultKeys.ts';
import { chaffRowOp, chaffThisWrite, NO_CHAFF, type ChaffPolicy } from './writeChaff.ts';

/** Tables whose rows are sealed with the VDK (the header and quarantine are not). */
export type SealedTable = Exclude<Table, 'vault' | 'quarantine'>;
const SEALED_TABLES: ReadonlySet<string> = new Set<SealedTable>([
  'secrets',
  'cells',
  'envelopes',
  'snapshots',
  'settings',
]);

/** Directory rows are padded to multiples of this, so their size barely tracks their content. */
export const DIRECTORY_BUCKET_BYTES = 4096;
/** Directory rows live in `secrets` under their name. */
export const DIRECTORY_TABLE: SealedTable = 'secrets';

export type SealedWrite =
  | {
      readonly op: 'put';
      readonly table: SealedTable;
      readonly key: string;
      readonly value: Uint8Array;
      /** Pad the plaintext to a multiple of this many bytes (0 = no padding). */
      readonly bucket?: number;
    }
  | { readonly op: 'delete'; readonly table: SealedTable; readonly key: string };

export interface SealedEntry {
  readonly key: string;
  readonly value: Uint8Array;
}

export type QuarantineReason = 'too_large' | 'open_failed' | 'malformed' | 'id_mismatch';

export interface SealedStoreStats {
  /** Rows of this vault found damaged and moved aside since this store was created. */
  readonly quarantined: number;
  /**
   * Rows a scan met that this vault cannot open: chaff, another vault's rows, or a row of ours
   * damaged beyond recognition. They cannot be told apart by design, so they are left alone and
   * never reported as damage (a report would tell an observer that a second vault exists).
   */
  readonly unaccounted: number;
}

/**
 * Rows sealed with the vault data key over the Storage port. Row ids are keyed hashes of
 * (table, key); the sealed value carries the key; AD binds each row to its table and id.
 * A row read by its own id (`get`) that fails to open is ours and damaged: quarantined and
 * counted. A row met by `scan` that does not open under our key is not ours as far as anyone can
 * tell (chaff, a second vault sharing the tables): skipped silently and left where it is. A row
 * that opens but is malformed or sits under the wrong id is ours and damaged: quarantined.
 * Every method rejects with VaultLockedError (VaultLockedError.ts) once the vault is locked, including calls that
 * were waiting on storage when the lock happened (so a lock never quarantines good rows).
 */
export class SealedStore {
  readonly #storage: Storage;
  readonly #keys: VaultKeys;
  readonly #chaff: ChaffPolicy;
  #quarantined = 0;
  #unaccounted = 0;

  constructor(storage: Storage, keys: VaultKeys, chaff: ChaffPolicy = NO_CHAFF) {
    this.#storage = storage;
    this.#keys = keys;
    this.#chaff = chaff;
  }

  stats(): SealedStoreStats {
    return { quarantined: this.#quarantined, unaccounted: this.#unaccounted };
  }

  async get(table: SealedTable, key: string): Promise<Uint8Array | undefined> {
    checkTable(table);
    const id = deriveRowId(this.#keys.idKey(), table, key);
    const bytes = await this.#storage.get(table, id);
    if (bytes === undefined) return undefined;
    const opened = this.#open(table, id, bytes);
    if (typeof opened === 'string') {
      await this.#quarantine(table, id, opened);
      return undefined;
    }
    if (opened.key !== key) {
      await this.#quarantine(table, id, 'id_mismatch');
      return undefined;
    }
    return opened.value;
  }

  /** All readable rows of `table` whose key passes `filter`, in no meaningful order. */
  async scan(table: SealedTable, filter?: (key: string) => boolean): Promise<SealedEntry[]> {
    checkTable(table);
    this.#keys.idKey();
    const rows = await this.#storage.list(table);
    const out: SealedEntry[] = [];
    const bad: { id: string; reason: QuarantineReason }[] = [];
    // Open everything synchronously after the await: a lock cannot interleave with the crypto.
    for (const row of rows) {
      const opened = this.#open(table, row.id, row.bytes);
      if (opened === 'open_failed') this.#unaccounted++;
      else if (typeof opened === 'string') bad.push({ id: row.id, reason: opened });
      else if (deriveRowId(this.#keys.idKey(), table, opened.key) !== row.id) {
        bad.push({ id: row.id, reason: 'id_mismatch' });
      } else if (filter === undefined || filter(opened.key)) out.push(opened);
    }
    for (const b of bad) await this.#quarantine(table, b.id, b.reason);
    return out;
  }

  put(table: SealedTable, key: string, value: Uint8Array): Promise<void> {
    return this.write([{ op: 'put', table, key, value }]);
  }

  putMany(items: readonly { table: SealedTable; key: string; value: Uint8Array }[]): Promise<void> {
    return this.write(items.map((i) => ({ op: 'put', ...i })));
  }

  delete(table: SealedTable, key: string): Promise<void> {
    return this.write([{ op: 'delete', table, key }]);
  }

  deleteMany(items: readonly { table: SealedTable; key: string }[]): Promise<void> {
    return this.write(items.map((i) => ({ op: 'delete', ...i })));
  }

  /**
   * One small collection (the keyring: cells and identities) as ONE row padded to a 4 KiB step,
   * so neither the row count nor (below each step) the row size grows with the number of cells.
   */
  putDirectory(name: string, value: Uint8Array): Promise<void> {
    return this.write([
      { op: 'put', table: DIRECTORY_TABLE, key: name, value, bucket: DIRECTORY_BUCKET_BYTES },
    ]);
  }

  getDirectory(name: string): Promise<Uint8Array | undefined> {
    return this.get(DIRECTORY_TABLE, name);
  }

  /**
   * Puts and deletes applied atomically (all or none). Sealing happens before any await. A write
   * with a put sometimes carries one chaff row in the same batch (writeChaff.ts).
   */
  async write(ops: readonly SealedWrite[]): Promise<void> {
    const idKey = this.#keys.idKey();
    const vdk = this.#keys.vdk();
    let like: { table: SealedTable; bytes: number } | undefined;
    const out: WriteOp[] = ops.map((o) => {
      checkTable(o.table);
      const id = deriveRowId(idKey, o.table, o.key);
      if (o.op === 'delete') return { op: 'delete', table: o.table, id };
      const plain = encodeRowPlaintext(o.key, o.value, o.bucket ?? 0);
      const bytes = aeadSeal(vdk, plain, rowAssociatedData(o.table, id));
      plain.fill(0);
      like ??= { table: o.table, bytes: bytes.length };
      return { op: 'put', table: o.table, id, bytes };
    });
    if (out.length === 0) return;
    if (like !== undefined && chaffThisWrite(this.#chaff)) out.push(chaffRowOp(like));
    await this.#storage.write(out);
  }

  /** Storage.purgeResidue: after the history horizon forgot, deleted rows leave the files. */
  async purgeResidue(): Promise<void> {
    this.#keys.idKey(); // a locked vault does nothing
    await this.#storage.purgeResidue?.();
  }

  #open(table: SealedTable, id: string, bytes: Uint8Array): SealedEntry | QuarantineReason {
    const vdk = this.#keys.vdk(); // throws VaultLockedError if a lock happened during the await
    if (bytes.length > MAX_SEALED_ROW_BYTES) return 'too_large';
    const plain = aeadOpen(vdk, bytes, rowAssociatedData(table, id));
    if (plain === undefined) return 'open_failed';
    const decoded = decodeRowPlaintext(plain);
    plain.fill(0);
    return decoded.ok ? decoded.value : 'malformed';
  }

  async #quarantine(table: SealedTable, id: string, reason: QuarantineReason): Promise<void> {
    this.#quarantined++;
    try {
      await this.#storage.quarantine(table, id, reason);
    } catch {
      // Never fatal: the row stays unreadable and will be counted again on the next read.
    }
  }
}

function checkTable(table: string): void {
  if (!SEALED_TABLES.has(table)) throw new RangeError(`not a sealed table: ${table}`);
}
