import { z } from 'zod';
import type { WireEntry } from '../../shared/sync/SyncStore.ts';
import type { SealedStore, SealedWrite } from '../../shared/vault/SealedStore.ts';

const ENTRY_TABLE = 'envelopes';
const STATE_TABLE = 'cells';
const MAX_STATE_JSON = 1024 * 1024;
const hex = (bytes: number) => z.string().regex(new RegExp(`^[0-9a-f]{${bytes * 2}}$`));
const u32 = z.number().int().nonnegative().max(0xffffffff);
const time = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

const lineSchema = z.object({
  epoch: u32,
  root: hex(32),
  origin: z.enum(['welcome', 'notice']),
  addedAt: time,
  current: u32,
  /** [generation, last time an entry was stored in it] */
  active: z.array(z.tuple([u32, time])).max(64),
});
const stateSchema = z.object({ v: z.literal(1), lines: z.array(lineSchema).max(4096) });

export type StoredLine = z.infer<typeof lineSchema>;

/**
 * A relay's rows for one cell, inside its own vault (so its home holds no plaintext either):
 * every entry it keeps under `${cell}/r/${lineId}/${generation}/${entryKey}`, and one state row
 * (which transport roots it follows, where each stands). Entry writes are batched per microtask
 * and applied in order; a failed write is reported, never thrown.
 */
export class RelayStore {
  private writes: Promise<void> = Promise.resolve();
  private unsaved: SealedWrite[] = [];
  private scheduled = false;

  constructor(
    private readonly sealed: SealedStore,
    private readonly cellHex: string,
    private readonly onError: (message: string) => void,
  ) {}

  private prefix(scopeKey: string): string {
    return `${this.cellHex}/r/${scopeKey}/`;
  }

  /** Every stored entry, by scope key (`${lineId}/${generation}`). */
  async loadAll(): Promise<Map<string, WireEntry[]>> {
    const base = `${this.cellHex}/r/`;
    const rows = await this.sealed.scan(ENTRY_TABLE, (k) => k.startsWith(base));
    const out = new Map<string, WireEntry[]>();
    for (const row of rows) {
      const m = /^([0-9a-f]{32}\/\d{1,10})\/(.+)$/.exec(row.key.slice(base.length));
      if (!m?.[1] || !m[2]) continue;
      let list = out.get(m[1]);
      if (!list) out.set(m[1], (list = []));
      list.push({ envId: m[2], bytes: row.value });
    }
    return out;
  }

  put(scopeKey: string, entryKey: string, bytes: Uint8Array): void {
    this.unsaved.push({
      op: 'put',
      table: ENTRY_TABLE,
      key: this.prefix(scopeKey) + entryKey,
      value: bytes,
    });
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      const batch = this.unsaved;
      this.unsaved = [];
      this.enqueue(() => this.sealed.write(batch));
    });
  }

  drop(scopeKey: string, entryKeys: Iterable<string>): void {
    const prefix = this.prefix(scopeKey);
    const keys = Array.from(entryKeys, (k) => ({ table: ENTRY_TABLE, key: prefix + k }) as const);
    this.unsaved = this.unsaved.filter((w) => !w.key.startsWith(prefix));
    if (keys.length > 0) this.enqueue(() => this.sealed.deleteMany(keys));
  }

  async loadState(): Promise<StoredLine[] | undefined> {
    const bytes = await this.sealed.get(STATE_TABLE, `${this.cellHex}/relay`);
    if (!bytes || bytes.length > MAX_STATE_JSON) return undefined;
    try {
      const parsed = stateSchema.safeParse(
        JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)),
      );
      return parsed.success ? parsed.data.lines : undefined;
    } catch {
      return undefined;
    }
  }

  saveState(lines: readonly StoredLine[]): void {
    const value = new TextEncoder().encode(JSON.stringify({ v: 1, lines }));
    this.enqueue(() => this.sealed.put(STATE_TABLE, `${this.cellHex}/relay`, value));
  }

  private enqueue(fn: () => Promise<void>): void {
    this.writes = this.writes.then(fn).catch(() => this.onError('relay store write failed'));
  }

  /** Resolves once every queued write has reached the store. */
  async idle(): Promise<void> {
    await Promise.resolve(); // lets a batch scheduled in this turn join the queue
    await this.writes;
  }
}
