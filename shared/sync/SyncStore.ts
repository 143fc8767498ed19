import type { EvidenceCheckpoint } from './SignedEvidence.ts';

/** One wire entry exactly as it travels: sealed bytes under their content-addressed id. */
export interface WireEntry {
  readonly envId: string;
  readonly bytes: Uint8Array;
}

/** What this device remembers about its own writing in a cell, persisted with its envelopes. */
export interface LocalSyncState {
  /** Next free seq per `${docHex}:${kind}` for this member (never reused, or peers see equivocation). */
  readonly seqs: Readonly<Record<string, number>>;
  /** Last editing session per document (a new one per open: clientIdFor). */
  readonly sessions: Readonly<Record<string, number>>;
  /** The scopes (epoch:generation) this device follows, newest last. */
  readonly scopes: readonly string[];
  /** Signed digest (hex) of our newest envelope per `${docHex}:${kind}` (update hash chains). */
  readonly heads?: Readonly<Record<string, string>>;
}

/** A document's state for fast open: the Yjs state plus what the engine knew when saving it. */
export interface DocCheckpoint {
  readonly state: Uint8Array;
  /** Highest contiguous update seq applied per author (hex). */
  readonly applied: Readonly<Record<string, number>>;
  /** Editing sessions seen per author (hex), so clientID claims survive a restart. */
  readonly sessions: Readonly<Record<string, readonly number[]>>;
  /**
   * Snapshot envelopes whose state `state` already holds (absent in older checkpoints): a cold
   * open marks these stored entries applied without opening or merging them again.
   */
  readonly snapshots?: readonly HeldSnapshot[];
  /** What this device verified from authors' own signed updates (absent in older checkpoints). */
  readonly evidence?: EvidenceCheckpoint;
}

/** A verified snapshot envelope a checkpoint's state includes, and what the engine knew of it. */
export interface HeldSnapshot {
  readonly envId: string;
  /** Its author (hex) and seq, for replay and equivocation checks. */
  readonly author: string;
  readonly seq: number;
  /** The update seq per author (hex) the snapshot covers (rollover re-publishing). */
  readonly covered: Readonly<Record<string, number>>;
}

/** Everything a cell's engine needs at open, read in one pass over the store. */
export interface StoredCell {
  readonly local: LocalSyncState | undefined;
  readonly checkpoints: Map<string, DocCheckpoint>;
  /** Stored entries per scope (`epoch:generation`). */
  readonly envelopes: Map<string, WireEntry[]>;
}

/**
 * The sync engine's persistence port. Implementations seal what they store (the vault's
 * SealedStore); the in-memory one serves simulations and ephemeral use. Every method is atomic.
 */
export interface SyncStore {
  /** The local state, checkpoints and entries of every scope at once (one scan when sealed). */
  loadCell(): Promise<StoredCell>;
  loadEnvelopes(scope: string): Promise<WireEntry[]>;
  /** Stores entries and, when given, the local state in one atomic write. */
  saveEnvelopes(
    scope: string,
    entries: readonly WireEntry[],
    local?: LocalSyncState,
  ): Promise<void>;
  dropScope(scope: string): Promise<void>;
  loadLocal(): Promise<LocalSyncState | undefined>;
  saveLocal(local: LocalSyncState): Promise<void>;
  loadCheckpoints(): Promise<Map<string, DocCheckpoint>>;
  saveCheckpoint(docHex: string, checkpoint: DocCheckpoint): Promise<void>;
}
