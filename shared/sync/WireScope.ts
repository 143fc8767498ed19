import * as Y from 'yjs';
import type { EnvelopeKind } from '../envelope/EnvelopeKind.ts';
import type { EpochSecrets } from '../crypto/deriveEpochSecrets.ts';
import type { Room } from '../transport/Transport.ts';

/** Generation number reserved for an epoch's beacon room, which carries only rollover notices. */
export const BEACON_GENERATION = 0xffffffff;

/**
 * A rollover notice read from the beacon may name a generation at most this far beyond the
 * current one, or beyond another generation a beacon notice named (PROTOCOL §8).
 */
export const MAX_GENERATION_STEP = 16;

export type EntryStatus = 'applied' | 'pending' | 'retry' | 'rejected';

/** What the engine learned about a verified entry, so it can re-publish it after a rollover. */
export interface EntryMeta {
  readonly authorHex: string;
  readonly docHex: string;
  readonly kind: EnvelopeKind;
  readonly seq: number;
}

export const scopeKey = (epoch: number, generation: number): string => `${epoch}:${generation}`;

/**
 * One wire doc: the cell's envelopes for one epoch and generation, synced by one room. Its only
 * content is a Y.Map from envId to sealed bytes; it never holds anything readable.
 */
export class WireScope {
  readonly doc = new Y.Doc({ gc: true });
  readonly map: Y.Map<unknown> = this.doc.getMap('envelopes');
  readonly status = new Map<string, EntryStatus>();
  readonly meta = new Map<string, EntryMeta>();
  /** Entries this device holds (persisted): re-inserted if someone deletes or overwrites them. */
  readonly kept = new Map<string, Uint8Array>();
  keptBytes = 0;
  /** Unopened entries kept for a later roster change (bounded: evictJunk.ts). */
  readonly unopened = { count: 0, bytes: 0 };
  /** How often each key was evicted as junk (evictJunk.ts). */
  readonly evictions = new Map<string, number>();
  room: Room | undefined;
  /** Set once this scope has been rolled over: the generation everyone moved to. */
  rolledOverTo: number | undefined;
  /**
   * Set when a rollover found a document too large for one snapshot: automatic rollovers of this
   * wire doc stop (each attempt would encode every document again); a manual one tries again.
   */
  rolloverBlocked = false;
  /** Set once the cell moved to a newer epoch: late entries still count, writes go elsewhere. */
  superseded = false;
  /** Per document (hex) and author (hex): the highest update seq a snapshot here covers. */
  readonly coverage = new Map<string, Map<string, number>>();
  /** Roster envelopes kept here: entry key -> opId, and opId -> key (one envelope per op). */
  readonly rosterOpOf = new Map<string, string>();
  readonly rosterKeyOf = new Map<string, string>();
  /**
   * What counts toward the rollover threshold: kept entries other than roster envelopes,
   * snapshots and copies carried in from an older generation, so none can start a cascade.
   */
  loadEntries = 0;
  loadBytes = 0;
  private readonly weighed = new Set<string>();

  constructor(
    readonly epoch: number,
    readonly generation: number,
    readonly secrets: EpochSecrets,
  ) {}

  get key(): string {
    return scopeKey(this.epoch, this.generation);
  }

  get isBeacon(): boolean {
    return this.generation === BEACON_GENERATION;
  }

  keep(envId: string, bytes: Uint8Array): boolean {
    if (this.kept.has(envId)) return false;
    this.kept.set(envId, bytes);
    this.keptBytes += bytes.length;
    return true;
  }

  /** Records that the roster envelope under `key` holds the op `opId`. */
  noteRosterOp(key: string, opId: string): void {
    this.rosterOpOf.set(key, opId);
    if (!this.rosterKeyOf.has(opId)) this.rosterKeyOf.set(opId, key);
  }

  /** Counts a kept entry toward the rollover threshold, once. */
  countLoad(key: string): void {
    const bytes = this.kept.get(key);
    if (!bytes || this.weighed.has(key)) return;
    this.weighed.add(key);
    this.loadEntries++;
    this.loadBytes += bytes.length;
  }

  /** An entry that must never count toward the threshold (a copy from an older generation). */
  skipLoad(key: string): void {
    this.weighed.add(key);
  }

  covered(docHex: string, authorHex: string): number {
    return this.coverage.get(docHex)?.get(authorHex) ?? 0;
  }

  raiseCoverage(docHex: string, authorHex: string, seq: number): void {
    let m = this.coverage.get(docHex);
    if (!m) this.coverage.set(docHex, (m = new Map<string, number>()));
    if ((m.get(authorHex) ?? 0) < seq) m.set(authorHex, seq);
  }
}
