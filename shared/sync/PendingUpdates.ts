import type { PendingUpdate } from './DocReplica.ts';

/**
 * The bounded buffer of verified updates that wait for an author's earlier seqs, across all
 * documents of a cell. Bounded by count, bytes and age: what falls out is counted and stays in
 * the wire doc, to be reconsidered on the next rescan, so eviction loses nothing.
 */
export class PendingUpdates {
  private readonly entries = new Map<
    string,
    PendingUpdate & { readonly docHex: string; readonly authorHex: string }
  >();
  private bytes = 0;

  constructor(
    private readonly maxCount: number,
    private readonly maxBytes: number,
    private readonly maxAgeMs: number,
  ) {}

  get count(): number {
    return this.entries.size;
  }

  private static key(docHex: string, authorHex: string, seq: number): string {
    return `${docHex}:${authorHex}:${seq}`;
  }

  /** Adds an update; returns the envIds evicted to stay within bounds. */
  add(docHex: string, authorHex: string, p: PendingUpdate, now: number): string[] {
    const key = PendingUpdates.key(docHex, authorHex, p.seq);
    if (this.entries.has(key)) return [];
    this.entries.set(key, { ...p, docHex, authorHex });
    this.bytes += p.update.length;
    return this.evict(now);
  }

  take(docHex: string, authorHex: string, seq: number): PendingUpdate | undefined {
    const key = PendingUpdates.key(docHex, authorHex, seq);
    const p = this.entries.get(key);
    if (!p) return undefined;
    this.entries.delete(key);
    this.bytes -= p.update.length;
    return p;
  }

  /** Removes and returns every waiting update of this author at or below `seq`. */
  takeUpTo(docHex: string, authorHex: string, seq: number): PendingUpdate[] {
    const out: PendingUpdate[] = [];
    for (const [key, p] of this.entries) {
      if (p.docHex === docHex && p.authorHex === authorHex && p.seq <= seq) {
        this.entries.delete(key);
        this.bytes -= p.update.length;
        out.push(p);
      }
    }
    return out.sort((a, b) => a.seq - b.seq);
  }

  /** Oldest first (Map keeps insertion order), until every bound holds. */
  evict(now: number): string[] {
    const evicted: string[] = [];
    for (const [key, p] of this.entries) {
      const over =
        this.entries.size > this.maxCount ||
        this.bytes > this.maxBytes ||
        now - p.since > this.maxAgeMs;
      if (!over) break;
      this.entries.delete(key);
      this.bytes -= p.update.length;
      evicted.push(p.envId);
    }
    return evicted;
  }
}
