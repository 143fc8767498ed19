import * as Y from 'yjs';

/** Bounds on what Yjs parks for missing origins in one document (SyncLimits). */
export interface ParkedLimits {
  readonly parkedMaxBytes: number;
  readonly parkedMaxAgeMs: number;
}

/**
 * Structs whose origins a document lacks wait in Yjs's pending buffer (store.pendingStructs, and
 * deletions of unknown structs in store.pendingDs, both in the v2 update encoding): invisible, written into every checkpoint and
 * snapshot, and merged again by every later update. An honest author's structs wait there only
 * until another author's update they build on arrives. Per author (by clientID claims), parked
 * bytes over parkedMaxBytes, or parked longer than parkedMaxAgeMs, are dropped (quarantined: the
 * envelopes stay in the wire doc and in this device's store); so are parked deletions past either
 * bound. Returns how many authors' (and deletion sets') parked data was dropped.
 */
export class ParkedStructs {
  /** clientID -> when its structs were first seen parked. */
  private readonly since = new Map<number, number>();
  private dsSince: number | undefined;

  constructor(
    private readonly limits: ParkedLimits,
    private readonly authorOf: (client: number) => string | undefined,
  ) {}

  /** `origin`: of the re-parking transaction (the engine's remote origin: not a local edit). */
  sweep(doc: Y.Doc, now: number, origin: unknown): number {
    const { store } = doc;
    let dropped = 0;
    if (!store.pendingDs) this.dsSince = undefined;
    else {
      this.dsSince ??= now;
      const old = now - this.dsSince > this.limits.parkedMaxAgeMs;
      if (old || store.pendingDs.length > this.limits.parkedMaxBytes) {
        store.pendingDs = null;
        this.dsSince = undefined;
        dropped++;
      }
    }
    const pending = store.pendingStructs;
    if (!pending) {
      this.since.clear();
      return dropped;
    }
    const { to } = Y.parseUpdateMetaV2(pending.update);
    for (const client of this.since.keys()) if (!to.has(client)) this.since.delete(client);
    for (const client of to.keys()) if (!this.since.has(client)) this.since.set(client, now);
    const drop = new Set<string>();
    for (const [client, first] of this.since)
      if (now - first > this.limits.parkedMaxAgeMs) drop.add(this.authorKey(client));
    if (pending.update.length > this.limits.parkedMaxBytes) {
      // Only then is each author's share measured: the update with every other client removed.
      const bytes = new Map<string, number>();
      for (const client of to.keys()) {
        const others = new Map(to);
        others.delete(client);
        const share = Y.diffUpdateV2(pending.update, Y.encodeStateVector(others)).length;
        const author = this.authorKey(client);
        bytes.set(author, (bytes.get(author) ?? 0) + share);
      }
      for (const [author, n] of bytes) if (n > this.limits.parkedMaxBytes) drop.add(author);
    }
    if (drop.size === 0) return dropped;
    const removed = new Map<number, number>();
    for (const [client, clock] of to)
      if (drop.has(this.authorKey(client))) removed.set(client, clock);
    const kept = Y.diffUpdateV2(pending.update, Y.encodeStateVector(removed));
    store.pendingStructs = null;
    for (const client of removed.keys()) this.since.delete(client);
    // Re-parks what stays (Yjs recomputes what it misses); nothing here can newly integrate.
    if (to.size > removed.size) Y.applyUpdateV2(doc, kept, origin);
    return dropped + drop.size;
  }

  private authorKey(client: number): string {
    return this.authorOf(client) ?? `client:${client}`;
  }
}
