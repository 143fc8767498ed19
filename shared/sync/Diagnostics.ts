import type { OwnOverBudget } from './DocReplica.ts';
import type { SyncRejection } from './SyncRejection.ts';

/** Counters a member can inspect (Settings -> Diagnostics). Counts only: no content, no keys. */
export class Diagnostics {
  readonly rejected = new Map<SyncRejection, number>();
  applied = 0;
  duplicates = 0;
  replays = 0;
  pending = 0;
  /**
   * Snapshots not merged because they give another member more than that member's own signed
   * updates show here (judgeSnapshot), kept until updates vouch for them (SnapshotReceiver).
   */
  snapshotsWaiting = 0;
  republished = 0;
  reinserted = 0;
  /** Entries that will never open, removed from this device's wire docs (evictJunk.ts). */
  evicted = 0;
  /** Wire docs left because their epoch's key was replaced (a concurrent rotate counted instead). */
  rekeyed = 0;
  /** Moves to another epoch or key that failed (logged; the next roster change tries again). */
  rekeyFailed = 0;
  /** Rollovers and moves to a new generation that failed (a room not joined, a store error). */
  rolloverFailed = 0;
  /** Forked documents rebuilt on the canonical version (CellSync.heal). */
  forkHeals = 0;
  /** Authors (hex signPk) caught signing two different envelopes with one seq. */
  readonly equivocators = new Set<string>();
  /**
   * Authors (hex signPk) -> documents (hex) in which a fork proof we verified ourselves shows them
   * signing two different envelopes with one seq (ForkProofs): named to the member in the app.
   */
  readonly provenEquivocators = new Map<string, Set<string>>();

  /**
   * Writes held (kept, not applied) because their author is proven to fork in that document,
   * until a coordinator releases them (ForkWatch). Entry ids.
   */
  readonly quarantined = new Set<string>();
  /** `${author}:${doc}` a coordinator released from quarantine (the proof still names them). */
  readonly released = new Set<string>();

  /**
   * Documents (hex) where this device wrote something the others refuse (over their receipt
   * budgets): told to the member until dismissed, since the others do not have it.
   */
  readonly ownOverBudget = new Map<string, OwnOverBudget>();

  releaseQuarantine(authorHex: string, docHex: string): void {
    this.released.add(`${authorHex}:${docHex}`);
  }

  proveEquivocator(authorHex: string, docHex: string): void {
    const docs = this.provenEquivocators.get(authorHex) ?? new Set<string>();
    docs.add(docHex);
    this.provenEquivocators.set(authorHex, docs);
    this.equivocators.add(authorHex);
  }

  reject(reason: SyncRejection): void {
    this.rejected.set(reason, (this.rejected.get(reason) ?? 0) + 1);
  }

  rejectedTotal(): number {
    let n = 0;
    for (const v of this.rejected.values()) n += v;
    return n;
  }

  snapshot(): Record<string, number> {
    return {
      applied: this.applied,
      duplicates: this.duplicates,
      replays: this.replays,
      pending: this.pending,
      snapshotsWaiting: this.snapshotsWaiting,
      republished: this.republished,
      reinserted: this.reinserted,
      evicted: this.evicted,
      rekeyed: this.rekeyed,
      rekeyFailed: this.rekeyFailed,
      rolloverFailed: this.rolloverFailed,
      equivocators: this.equivocators.size,
      quarantined: this.quarantined.size,
      forkHeals: this.forkHeals,
      ...Object.fromEntries(Array.from(this.rejected, ([k, v]) => [`rejected.${k}`, v])),
    };
  }
}
