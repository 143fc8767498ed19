import { z } from 'zod';
import { ByteReader } from '../util/ByteReader.ts';
import { ByteWriter } from '../util/ByteWriter.ts';
import type { SealedStore, SealedWrite } from '../vault/SealedStore.ts';
import type {
  DocCheckpoint,
  LocalSyncState,
  StoredCell,
  SyncStore,
  WireEntry,
} from './SyncStore.ts';

const MAX_META_JSON = 1024 * 1024;
/**
 * Envelopes, local state and checkpoints of every cell share one table under keyed-hash ids, so
 * the number of rows tells the volume of activity, not how many cells or documents there are.
 */
const TABLE = 'envelopes';
const hexKey = z.string().regex(/^[0-9a-f]{1,64}$/);
const count = z.number().int().nonnegative().max(0xffffffff);

const localSchema = z.object({
  seqs: z.record(z.string().max(80), count),
  sessions: z.record(hexKey, count),
  scopes: z.array(z.string().regex(/^\d{1,10}:\d{1,10}$/)).max(64),
  heads: z.record(z.string().max(80), hexKey).optional(),
});

const checkpointMetaSchema = z.object({
  applied: z.record(hexKey, count),
  sessions: z.record(hexKey, z.array(count).max(100_000)),
  snapshots: z
    .array(
      z.object({
        envId: hexKey,
        author: hexKey,
        seq: count,
        covered: z.record(hexKey, count),
      }),
    )
    .max(1024)
    .optional(),
  evidence: z
    .object({
      verified: z.record(hexKey, count),
      known: z.record(hexKey, count),
      knownEpochs: z.record(hexKey, count).optional(),
      ends: z.record(z.string().regex(/^\d{1,16}$/), z.number().int().nonnegative()),
    })
    .optional(),
});

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

function parseJson<T>(bytes: Uint8Array, schema: z.ZodType<T>): T | undefined {
  if (bytes.length > MAX_META_JSON) return undefined;
  try {
    const r = schema.safeParse(JSON.parse(decoder.decode(bytes)));
    return r.success ? r.data : undefined;
  } catch {
    return undefined;
  }
}

/** A checkpoint row: u32 meta length, the meta JSON, the Yjs state. */
function decodeCheckpoint(value: Uint8Array): DocCheckpoint | undefined {
  const r = new ByteReader(value);
  const metaLength = r.u32();
  const metaBytes = metaLength === undefined ? undefined : r.bytes(metaLength);
  const meta = metaBytes && parseJson(metaBytes, checkpointMetaSchema);
  if (!meta) return undefined;
  const { applied, sessions, snapshots, evidence } = meta;
  return {
    applied,
    sessions,
    ...(snapshots ? { snapshots } : {}),
    ...(evidence ? { evidence } : {}),
    state: r.rest(),
  };
}

/**
 * The sync engine's store inside the vault: every row sealed with the vault data key under a
 * keyed-hash id (SealedStore), so on disk nothing tells cells, scopes or documents apart.
 * Logical keys (all in one table): `${cell}/e/${scope}/${envId}`, `${cell}/local`, `${cell}/cp/${docHex}`.
 */
export class SealedSyncStore implements SyncStore {
  constructor(
    private readonly sealed: SealedStore,
    private readonly cellHex: string,
  ) {}

  private envPrefix(scope: string): string {
    return `${this.cellHex}/e/${scope}/`;
  }

  private localWrite(local: LocalSyncState): SealedWrite {
    const value = encoder.encode(JSON.stringify(local));
    return { op: 'put', table: TABLE, key: `${this.cellHex}/local`, value };
  }

  /** One scan of the table (every row is decrypted once), sorted into the cell's parts. */
  async loadCell(): Promise<StoredCell> {
    const cell = `${this.cellHex}/`;
    const envelopes = new Map<string, WireEntry[]>();
    const checkpoints = new Map<string, DocCheckpoint>();
    let local: LocalSyncState | undefined;
    for (const row of await this.sealed.scan(TABLE, (k) => k.startsWith(cell))) {
      const rest = row.key.slice(cell.length);
      if (rest === 'local') local = parseJson(row.value, localSchema);
      else if (rest.startsWith('cp/')) {
        const cp = decodeCheckpoint(row.value);
        if (cp) checkpoints.set(rest.slice(3), cp);
      } else if (rest.startsWith('e/')) {
        const slash = rest.indexOf('/', 2);
        if (slash < 0) continue;
        const scope = rest.slice(2, slash);
        let list = envelopes.get(scope);
        if (!list) envelopes.set(scope, (list = []));
        list.push({ envId: rest.slice(slash + 1), bytes: row.value });
      }
    }
    return { local, checkpoints, envelopes };
  }

  async loadEnvelopes(scope: string): Promise<WireEntry[]> {
    const prefix = this.envPrefix(scope);
    const rows = await this.sealed.scan(TABLE, (k) => k.startsWith(prefix));
    return rows.map((r) => ({ envId: r.key.slice(prefix.length), bytes: r.value }));
  }

  saveEnvelopes(
    scope: string,
    entries: readonly WireEntry[],
    local?: LocalSyncState,
  ): Promise<void> {
    const prefix = this.envPrefix(scope);
    const ops: SealedWrite[] = entries.map((e) => ({
      op: 'put',
      table: TABLE,
      key: prefix + e.envId,
      value: e.bytes,
    }));
    if (local) ops.push(this.localWrite(local));
    return this.sealed.write(ops);
  }

  async dropScope(scope: string): Promise<void> {
    const prefix = this.envPrefix(scope);
    const rows = await this.sealed.scan(TABLE, (k) => k.startsWith(prefix));
    await this.sealed.deleteMany(rows.map((r) => ({ table: TABLE, key: r.key })));
  }

  async loadLocal(): Promise<LocalSyncState | undefined> {
    const bytes = await this.sealed.get(TABLE, `${this.cellHex}/local`);
    return bytes ? parseJson(bytes, localSchema) : undefined;
  }

  saveLocal(local: LocalSyncState): Promise<void> {
    return this.sealed.write([this.localWrite(local)]);
  }

  async loadCheckpoints(): Promise<Map<string, DocCheckpoint>> {
    const prefix = `${this.cellHex}/cp/`;
    const out = new Map<string, DocCheckpoint>();
    for (const row of await this.sealed.scan(TABLE, (k) => k.startsWith(prefix))) {
      const cp = decodeCheckpoint(row.value);
      if (cp) out.set(row.key.slice(prefix.length), cp);
    }
    return out;
  }

  saveCheckpoint(docHex: string, cp: DocCheckpoint): Promise<void> {
    const { applied, sessions, snapshots, evidence } = cp;
    const meta = encoder.encode(JSON.stringify({ applied, sessions, snapshots, evidence }));
    const value = new ByteWriter().u32(meta.length).bytes(meta).bytes(cp.state).finish();
    return this.sealed.put(TABLE, `${this.cellHex}/cp/${docHex}`, value);
  }
}
