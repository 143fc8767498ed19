import type { BatchLimits } from './UpdateBatcher.ts';

/** Every bound and timing of the sync engine, in one place (docs/PROTOCOL.md explains each). */
export interface SyncLimits {
  readonly batch: BatchLimits;
  /** Out-of-order updates held while waiting for an author's earlier seqs. */
  readonly pendingMaxCount: number;
  readonly pendingMaxBytes: number;
  readonly pendingMaxAgeMs: number;
  /**
   * Receipt budgets (PROTOCOL §7.3): the largest update body's Yjs bytes a member applies, and
   * the largest encoded state a content document may reach (one snapshot must carry it).
   */
  readonly maxUpdateBytes: number;
  readonly maxDocBytes: number;
  /** Per author and document: structs parked by Yjs for missing origins (ParkedStructs). */
  readonly parkedMaxBytes: number;
  readonly parkedMaxAgeMs: number;
  /** A wire doc past either threshold is rolled over into the next generation. */
  readonly rolloverEntries: number;
  readonly rolloverBytes: number;
  /** Random delay before a writer rolls over, so peers rarely do it twice. */
  readonly rolloverJitterMs: number;
  /** Wait for the new generation's snapshots before copying what they do not cover. */
  readonly republishDelayMs: number;
  /** How long a rolled-over generation stays joined for late writers. */
  readonly drainMs: number;
  /** How long the rooms of a superseded epoch stay joined, for members who were offline. */
  readonly epochGraceMs: number;
  /** Quiet time before a document's local checkpoint is saved. */
  readonly checkpointMs: number;
}

export const DEFAULT_SYNC_LIMITS: SyncLimits = {
  batch: {
    idleMs: 1000,
    firstWindowMs: 16,
    minWindowMs: 250,
    maxWindowMs: 1000,
    maxBytes: 64 * 1024,
    maxUpdates: 400,
  },
  pendingMaxCount: 10_000,
  pendingMaxBytes: 64 * 1024 * 1024,
  pendingMaxAgeMs: 30 * 60 * 1000,
  // A pasted article of 2,000 formatted paragraphs is 725 KB, a 300-paragraph witness file
  // (the CLI scenario) 1.5 MB; a typed batch stays under 64 KB.
  maxUpdateBytes: 2 * 1024 * 1024,
  // A 56,000-character blog post typed keystroke by keystroke is 218 KB of state; 6 MiB holds
  // several books and a snapshot of it (with thousands of session claims) fits MAX_BODY_BYTES.
  maxDocBytes: 6 * 1024 * 1024,
  // An honest author's structs park only until the update they build on arrives (same sync).
  parkedMaxBytes: 1024 * 1024,
  parkedMaxAgeMs: 30 * 60 * 1000,
  rolloverEntries: 3000,
  rolloverBytes: 8 * 1024 * 1024,
  rolloverJitterMs: 5000,
  republishDelayMs: 3000,
  drainMs: 10 * 60 * 1000,
  epochGraceMs: 14 * 24 * 60 * 60 * 1000,
  checkpointMs: 2000,
};
