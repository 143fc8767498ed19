import type { Page } from '@playwright/test';
import { deriveEpochSecrets } from '../../shared/crypto/deriveEpochSecrets.ts';
import { sodiumReady } from '../../shared/crypto/sodium.ts';
import { decryptEnvelope } from '../../shared/envelope/decryptEnvelope.ts';
import { decodeRosterOp } from '../../shared/roster/decodeRosterOp.ts';
import { openEpochWrap } from '../../shared/roster/openEpochWrap.ts';
import { loadKeyring, type CellRecord } from '../../shared/runtime/Keyring.ts';
import type { Table } from '../../shared/storage/Storage.ts';
import { openMemberNotice } from '../../shared/sync/openMemberNotice.ts';
import { argon2idKdf } from '../../shared/vault/argon2idKdf.ts';
import type { SealedTable } from '../../shared/vault/SealedStore.ts';
import { tryUnlockVault } from '../../shared/vault/tryUnlockVault.ts';
import type { Vault } from '../../shared/vault/Vault.ts';
import type { Haystack } from '../integration/cli/findLeaks.ts';
import { MemoryStorage } from '../unit/vault/memoryStorage.ts';

/**
 * A seizure of the app's IndexedDB as an adversary with the member's passphrase does it: every
 * row of every object store read raw from the page (no app code involved), then opened outside
 * the browser with the app's own vault code (Argon2id, header slots, sealed rows, keyring).
 */

/** One IndexedDB row exactly as stored: object store, primary key, bytes. */
export interface RawRow {
  readonly table: string;
  readonly id: string;
  readonly bytes: Buffer;
}

/** The page's storage buckets (the vault's has a random name: renderer/shell/vaultDatabase.ts). */
export const bucketNames = (page: Page): Promise<string[]> =>
  page.evaluate(async () => {
    type Buckets = { keys(): Promise<string[]> };
    const buckets = (navigator as Navigator & { readonly storageBuckets?: Buckets }).storageBuckets;
    return buckets ? await buckets.keys() : [];
  });

/** Every row of the app's database (in its storage bucket, as renderer/shell/vaultDatabase.ts). */
export async function dumpRows(page: Page): Promise<RawRow[]> {
  const rows = await page.evaluate(async () => {
    type Buckets = {
      keys(): Promise<string[]>;
      open(name: string): Promise<{ readonly indexedDB: IDBFactory }>;
    };
    const buckets = (navigator as Navigator & { readonly storageBuckets?: Buckets }).storageBuckets;
    let factory = indexedDB;
    if (buckets) {
      const holding: IDBFactory[] = [];
      for (const name of await buckets.keys()) {
        const f = (await buckets.open(name)).indexedDB;
        if ((await f.databases()).some((d) => d.name === 'quire')) holding.push(f);
      }
      if (holding.length !== 1) throw new Error(`${holding.length} buckets hold the vault`);
      factory = holding[0]!;
    }
    const request = <T>(r: IDBRequest<T>): Promise<T> =>
      new Promise((resolve, reject) => {
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
      });
    const db = await request(factory.open('quire'));
    const out: { table: string; id: string; b64: string }[] = [];
    try {
      for (const table of Array.from(db.objectStoreNames)) {
        const values = await request(db.transaction(table).objectStore(table).getAll());
        for (const value of values as { id: string; bytes: Uint8Array }[]) {
          let binary = '';
          for (let i = 0; i < value.bytes.length; i += 0x8000)
            binary += String.fromCharCode(...value.bytes.subarray(i, i + 0x8000));
          out.push({ table, id: value.id, b64: btoa(binary) });
        }
      }
    } finally {
      db.close();
    }
    return out;
  });
  return rows.map((r) => ({ table: r.table, id: r.id, bytes: Buffer.from(r.b64, 'base64') }));
}

const SEALED: readonly SealedTable[] = ['secrets', 'cells', 'envelopes', 'snapshots', 'settings'];

/** What one dump yields to the passphrase: the cell's record and every row it opens. */
export interface OpenedDump {
  readonly record: CellRecord;
  /** Raw rows, sealed rows opened, and envelopes opened with every epoch key the keyring holds. */
  readonly haystacks: Haystack[];
  /** Envelopes that a kept epoch key opened (the search is real when this is above 0). */
  readonly envelopesOpened: number;
  /** Every older-epoch key (below `below`) a rotate's wrap held on the device still gives. */
  oldKeysFromWraps(below: number): string[];
}

/**
 * The vault of one profile, unlocked once with the passphrase (one Argon2id derivation); each
 * dump of that profile is then opened with the same vault data key.
 */
export class SeizedVault {
  private constructor(
    private readonly storage: MemoryStorage,
    private readonly vault: Vault,
  ) {}

  static async unlock(rows: readonly RawRow[], passphrase: string): Promise<SeizedVault> {
    await sodiumReady();
    const storage = new MemoryStorage();
    load(storage, rows);
    const unlocked = await tryUnlockVault(storage, passphrase, { kdf: argon2idKdf });
    if (!unlocked.ok) throw new Error(`the seized vault did not open: ${unlocked.error}`);
    return new SeizedVault(storage, unlocked.value);
  }

  /** Opens a dump of a profile that holds one cell. */
  async open(rows: readonly RawRow[]): Promise<OpenedDump> {
    load(this.storage, rows);
    const keyring = await loadKeyring(this.vault.store);
    if (!keyring.ok) throw new Error(keyring.error);
    const [record, ...more] = keyring.value;
    if (!record || more.length > 0) throw new Error('the seized keyring must hold one cell');
    const haystacks: Haystack[] = rows.map((r) => ({ name: `raw ${r.table}`, bytes: r.bytes }));
    const ops: Uint8Array[] = [...record.rosterOps];
    let envelopesOpened = 0;
    for (const table of SEALED) {
      for (const row of await this.vault.store.scan(table)) {
        haystacks.push({ name: `${table}/${row.key}`, bytes: row.value });
        ops.push(row.value);
        const notice = openMemberNotice(row.value, record.cellId, record.identity);
        if (notice.ok) ops.push(...notice.value);
        for (const [epoch, key] of record.epochKeys) {
          const { contentKey } = deriveEpochSecrets(key, record.cellId, epoch);
          const plain = decryptEnvelope(row.value, contentKey, record.cellId, epoch);
          if (!plain.ok) continue;
          envelopesOpened++;
          haystacks.push({
            name: `epoch ${epoch} envelope ${table}/${row.key}`,
            bytes: plain.value,
          });
        }
      }
    }
    const oldKeysFromWraps = (below: number): string[] =>
      ops.flatMap((bytes) => {
        const op = decodeRosterOp(bytes);
        if (!op.ok || op.value.body.type !== 'rotate' || op.value.body.newEpoch >= below) return [];
        const wrap = openEpochWrap(op.value.body, record.cellId, record.identity);
        return wrap.ok ? [`epoch ${wrap.value.epoch}`] : [];
      });
    return { record, haystacks, envelopesOpened, oldKeysFromWraps };
  }

  close(): void {
    this.vault.lock();
  }
}

function load(storage: MemoryStorage, rows: readonly RawRow[]): void {
  storage.tables.clear();
  for (const row of rows) {
    const table = row.table as Table;
    let rowsOf = storage.tables.get(table);
    if (!rowsOf) storage.tables.set(table, (rowsOf = new Map<string, Uint8Array>()));
    rowsOf.set(row.id, new Uint8Array(row.bytes));
  }
}

/** Every form a 32-byte key could take in stored bytes: raw, hex, base64 at each alignment. */
export function keyForms(key: Uint8Array): { readonly form: string; readonly bytes: Buffer }[] {
  const raw = Buffer.from(key);
  const forms = [
    { form: 'raw', bytes: raw },
    { form: 'hex', bytes: Buffer.from(raw.toString('hex')) },
    { form: 'HEX', bytes: Buffer.from(raw.toString('hex').toUpperCase()) },
  ];
  for (let j = 0; j < 3; j++) {
    const part = raw.subarray(j);
    const b64 = part.toString('base64').slice(0, Math.floor(part.length / 3) * 4);
    forms.push({ form: `base64+${j}`, bytes: Buffer.from(b64) });
    forms.push({
      form: `base64url+${j}`,
      bytes: Buffer.from(b64.replace(/\+/g, '-').replace(/\//g, '_')),
    });
  }
  return forms;
}

/** "form in name" for every place `key` appears in any form; empty when it appears nowhere. */
export const keyLeaks = (haystacks: readonly Haystack[], key: Uint8Array): string[] =>
  haystacks.flatMap((h) =>
    keyForms(key)
      .filter((f) =>
        Buffer.from(h.bytes.buffer, h.bytes.byteOffset, h.bytes.byteLength).includes(f.bytes),
      )
      .map((f) => `${f.form} in ${h.name}`),
  );

/**
 * Rows of the earlier dump that the later one no longer holds (deleted or rewritten) and that are
 * still in the seized files byte for byte (a profile's LevelDB, a CLI home's log): both keep old
 * values until they compact (THREAT_MODEL §3.1). An adversary who parses them has them, ids
 * included.
 */
export function staleInFiles(
  before: readonly RawRow[],
  after: readonly RawRow[],
  files: readonly Haystack[],
): { readonly gone: number; readonly found: RawRow[] } {
  const now = new Map(after.map((r) => [`${r.table}/${r.id}`, r.bytes]));
  const gone = before.filter((r) => {
    const same = now.get(`${r.table}/${r.id}`);
    return r.table !== 'vault' && !(same && same.equals(r.bytes));
  });
  // 32 bytes from the start and the end of each sealed row: ciphertext, so never there by chance.
  const found = gone.filter((r) =>
    [r.bytes.subarray(0, 32), r.bytes.subarray(-32)].every((slice) =>
      files.some((f) =>
        Buffer.from(f.bytes.buffer, f.bytes.byteOffset, f.bytes.byteLength).includes(slice),
      ),
    ),
  );
  return { gone: gone.length, found };
}
