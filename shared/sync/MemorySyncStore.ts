import type {
  DocCheckpoint,
  LocalSyncState,
  StoredCell,
  SyncStore,
  WireEntry,
} from './SyncStore.ts';

/** A SyncStore in memory: for simulations, benchmarks' baselines and sessions that persist nothing. */
export class MemorySyncStore implements SyncStore {
  private readonly scopes = new Map<string, Map<string, Uint8Array>>();
  private local: LocalSyncState | undefined;
  private readonly checkpoints = new Map<string, DocCheckpoint>();

  loadCell(): Promise<StoredCell> {
    const envelopes = new Map<string, WireEntry[]>();
    for (const [scope, m] of this.scopes) {
      envelopes.set(
        scope,
        Array.from(m, ([envId, bytes]) => ({ envId, bytes })),
      );
    }
    return Promise.resolve({
      local: this.local,
      checkpoints: new Map(this.checkpoints),
      envelopes,
    });
  }

  loadEnvelopes(scope: string): Promise<WireEntry[]> {
    const m = this.scopes.get(scope);
    return Promise.resolve(m ? Array.from(m, ([envId, bytes]) => ({ envId, bytes })) : []);
  }

  saveEnvelopes(
    scope: string,
    entries: readonly WireEntry[],
    local?: LocalSyncState,
  ): Promise<void> {
    let m = this.scopes.get(scope);
    if (!m) this.scopes.set(scope, (m = new Map<string, Uint8Array>()));
    for (const e of entries) m.set(e.envId, e.bytes);
    if (local) this.local = local;
    return Promise.resolve();
  }

  dropScope(scope: string): Promise<void> {
    this.scopes.delete(scope);
    return Promise.resolve();
  }

  loadLocal(): Promise<LocalSyncState | undefined> {
    return Promise.resolve(this.local);
  }

  saveLocal(local: LocalSyncState): Promise<void> {
    this.local = local;
    return Promise.resolve();
  }

  loadCheckpoints(): Promise<Map<string, DocCheckpoint>> {
    return Promise.resolve(new Map(this.checkpoints));
  }

  saveCheckpoint(docHex: string, checkpoint: DocCheckpoint): Promise<void> {
    this.checkpoints.set(docHex, checkpoint);
    return Promise.resolve();
  }

  /** Total stored envelope bytes (benchmarks). */
  storedBytes(): number {
    let n = 0;
    for (const m of this.scopes.values()) for (const b of m.values()) n += b.length;
    return n;
  }
}
