import * as Y from 'yjs';
import { collectedState } from './collectedState.ts';
import { readerRootName } from '../cell/readerRoot.ts';
import { fromHex, toHex } from '../crypto/bytes.ts';
import { err, ok, type Result } from '../util/result.ts';
import { checkClientIds } from './checkClientIds.ts';
import { checkDocDepth } from './checkDocDepth.ts';
import { checkReaderUpdate } from './checkReaderUpdate.ts';
import { scanUpdate } from './checkUpdateCost.ts';
import { clientIdFor } from './clientIdFor.ts';
import { dropStructs, type DropRanges } from './dropStructs.ts';
import type { SessionClaim, SnapshotBody } from './snapshotBody.ts';
import { ParkedStructs, type ParkedLimits } from './ParkedStructs.ts';
import { SignedEvidence } from './SignedEvidence.ts';
import { DEFAULT_SYNC_LIMITS } from './SyncLimits.ts';
import type { DocCheckpoint, HeldSnapshot } from './SyncStore.ts';

/** Snapshot ids a checkpoint remembers per document (a few generations' worth). */
const MAX_SNAPSHOTS_HELD = 16;

/** Transaction origin of everything the engine applies, so local-edit listeners can skip it. */
export const REMOTE_ORIGIN: unique symbol = Symbol('quire-remote');

export type ApplyRejection =
  | 'malformed_update'
  | 'clientid_unclaimed'
  | 'clientid_conflict'
  | 'too_deep'
  | 'too_costly'
  | 'over_budget'
  | 'reader_overreach'
  | 'apply_failed';

/** Receipt budgets of one document (SyncLimits.maxUpdateBytes, maxDocBytes, parked*). */
export interface DocBudget extends ParkedLimits {
  readonly maxUpdateBytes: number;
  readonly maxDocBytes: number;
}

/** Why the others refuse one of this device's own updates (DocReplica.checkOwn). */
export type OwnOverBudget = 'update' | 'document';

/** Which envelope an update came in (seq, id, the epoch it was signed in), for its evidence. */
export interface SignedBy {
  readonly seq: number;
  readonly envId: string;
  readonly epoch: number;
}

/**
 * Judges a snapshot's structs before they merge: `extents` is each clientID's end clock in the
 * state, `owners` the author (hex) of each clientID from the snapshot's claims (judgeSnapshot).
 */
export type SnapshotJudge<E extends string> = (
  extents: ReadonlyMap<number, number>,
  owners: ReadonlyMap<number, string>,
) => Result<void, E>;

/** The engine's clock and counters, and what a fork proof says to strip (rebuildForked). */
export interface ReplicaEnv {
  now(): number;
  parkedDropped(n: number): void;
  /**
   * Per clientID, clocks of a proven fork whose structs must not merge: other versions than the
   * canonical one the rebuild put in (PROTOCOL §5.3).
   */
  forked?(): DropRanges | undefined;
  /** Whether this author's writes are held here (a proof against them stands unreleased). */
  held?(authorHex: string): boolean;
  /**
   * Whether this author wrote this document at this epoch only through a reader's grant
   * (RosterPort.ownContentOnly): her updates must then keep to her own content (checkReaderUpdate).
   */
  ownContentOnly?(author: Uint8Array, epoch: number): boolean;
}

/** A verified update waiting for the author's earlier seqs. */
export interface PendingUpdate {
  readonly envId: string;
  readonly seq: number;
  readonly session: number;
  readonly update: Uint8Array;
  readonly since: number;
  /** The epoch it was signed in (SignedEvidence). */
  readonly epoch: number;
}

/**
 * One content document (a draft, the task board, the cell index) and what the engine knows
 * about its authors: applied seqs, claimed clientIDs, updates waiting for a gap to fill.
 * Content documents never touch the network; only verified bytes reach them.
 */
export class DocReplica {
  readonly doc = new Y.Doc({ gc: true });
  readonly docHex: string;
  /**
   * Highest contiguous update seq applied per author (hex), raised by snapshot claims too: only
   * for the pending-wait logic. What this peer verified itself is in `evidence`.
   */
  readonly applied = new Map<string, number>();
  /** What this peer verified from authors' own signed updates (SignedEvidence). */
  readonly evidence = new SignedEvidence();
  /** clientID -> the (author, session) it derives from, for every session seen. */
  readonly claims = new Map<number, { readonly authorHex: string } & SessionClaim>();
  /** The clientID of this device's current editing session (set by CellSync.startSession). */
  ownClientId = 0;
  /** The session `ownClientId` derives from (what this device's updates name). */
  ownSession = 0;
  /** Snapshot envelopes (by id) whose state this doc holds, oldest first; kept in checkpoints. */
  private readonly snapshotsHeld = new Map<string, HeldSnapshot>();
  private readonly clientIds = new Map<string, number>();

  /** The encoded state's size when last measured, plus every byte merged since (an upper bound). */
  private stateBytes = 0;

  private readonly parked: ParkedStructs;

  constructor(
    readonly docId: Uint8Array,
    private readonly budget: DocBudget = DEFAULT_SYNC_LIMITS,
    /** The engine's clock, and where dropped parked structs are counted (ParkedStructs). */
    private readonly env: ReplicaEnv = {
      now: () => Date.now(),
      parkedDropped: () => undefined,
    },
  ) {
    this.docHex = toHex(docId);
    this.parked = new ParkedStructs(budget, (client) => this.authorOf(client));
  }

  /** Drops parked structs over their bounds (ParkedStructs); after every merge, and checkpoints. */
  sweepParked(): void {
    const n = this.parked.sweep(this.doc, this.env.now(), REMOTE_ORIGIN);
    if (n > 0) this.env.parkedDropped(n);
  }

  /** clientIdFor, memoised per author (hex) and session: it is a hash, and runs per update. */
  private clientId(author: Uint8Array, authorHex: string, session: number): number {
    const key = `${authorHex}:${session}`;
    let client = this.clientIds.get(key);
    if (client === undefined)
      this.clientIds.set(key, (client = clientIdFor(author, this.docId, session)));
    return client;
  }

  /** Records a session claim; fails if the derived clientID already belongs to someone else. */
  claim(author: Uint8Array, session: number): Result<number, 'clientid_conflict'> {
    const authorHex = toHex(author);
    const client = this.clientId(author, authorHex, session);
    const owner = this.claims.get(client);
    if (owner !== undefined && owner.authorHex !== authorHex) return err('clientid_conflict');
    if (!owner) this.claims.set(client, { authorHex, author: author.slice(), session });
    return ok(client);
  }

  /**
   * Checks and applies one author's update (clientID binding first, then Yjs); with `signed`,
   * what it shows (its seq, its structs' extent) becomes evidence once it is applied.
   */
  applyUpdate(
    author: Uint8Array,
    session: number,
    update: Uint8Array,
    signed?: SignedBy,
  ): Result<void, ApplyRejection> {
    if (update.length > this.budget.maxUpdateBytes) return err('over_budget', 'update');
    const authorHex = toHex(author);
    const client = this.clientId(author, authorHex, session);
    if (this.ownerOf(client, author)) return err('clientid_conflict');
    const checked = checkClientIds(update, new Set([client]));
    if (!checked.ok) return checked;
    // Every engine path passes `signed` (its epoch decides the rule); judged on the bytes as
    // signed, before a fork's strip, so every peer judges the same bytes.
    if (signed && this.env.ownContentOnly?.(author, signed.epoch)) {
      const own = this.ownClients(authorHex, client);
      const content = checkReaderUpdate(update, own, readerRootName(authorHex));
      if (!content.ok) return content;
    }
    this.claim(author, session);
    const applied = this.integrate(this.strip(update, this.env.forked?.()));
    if (applied.ok && signed) {
      this.evidence.noteSigned(authorHex, signed, checked.value);
      this.evidence.noteApplied(authorHex, signed.seq);
    }
    return applied;
  }

  /** A verified update waits for earlier seqs: its seq and extent are evidence already. */
  noteWaiting(author: Uint8Array, session: number, update: Uint8Array, signed: SignedBy): void {
    const authorHex = toHex(author);
    const client = this.clientId(author, authorHex, session);
    if (this.ownerOf(client, author)) return;
    const checked = checkClientIds(update, new Set([client]));
    if (checked.ok) this.evidence.noteSigned(authorHex, signed, checked.value);
  }

  /**
   * Checks a snapshot's claims and structs, then merges its state. A snapshot this doc already
   * holds (same envelope id: same bytes, restored from our own checkpoint) is not merged again.
   */
  applySnapshot<E extends string>(
    body: SnapshotBody,
    knows: (author: Uint8Array) => boolean,
    envId: string,
    judge: SnapshotJudge<E>,
  ): Result<void, ApplyRejection | 'unknown_author' | E> {
    if (body.state.length > this.budget.maxDocBytes) return err('over_budget', 'snapshot');
    const owners = new Map<number, string>();
    for (const c of body.claims) {
      if (!knows(c.author)) return err('unknown_author');
      const authorHex = toHex(c.author);
      const client = this.clientId(c.author, authorHex, c.session);
      if (this.ownerOf(client, c.author)) return err('clientid_conflict');
      owners.set(client, authorHex);
    }
    const state = this.strip(body.state, this.snapshotDrops(owners));
    if (this.snapshotsHeld.has(envId)) {
      for (const c of body.claims) this.claim(c.author, c.session);
      return ok(undefined);
    }
    const checked = checkClientIds(state, new Set(owners.keys()));
    if (!checked.ok) return checked;
    const judged = judge(checked.value, owners);
    if (!judged.ok) return judged;
    for (const c of body.claims) this.claim(c.author, c.session);
    return this.integrate(state);
  }

  /** Records that the doc holds a snapshot's state (applied, or written from this doc). */
  holdsSnapshot(held: HeldSnapshot): void {
    this.snapshotsHeld.delete(held.envId);
    this.snapshotsHeld.set(held.envId, held);
    // Only the newest generations' snapshots are still stored; older ids are dead weight.
    for (const old of this.snapshotsHeld.keys()) {
      if (this.snapshotsHeld.size <= MAX_SNAPSHOTS_HELD) break;
      this.snapshotsHeld.delete(old);
    }
  }

  /**
   * What a snapshot must not merge: other versions of a proven fork (a member that has not
   * rebuilt yet carries its own) and, while the forking author is held here, anything of theirs
   * past the fork, and past what we hold of a session of theirs we hold some of (their own
   * updates wait in quarantine; nobody's snapshot lets them in meanwhile). A session of theirs we
   * hold nothing of is taken: a member admitted later needs their earlier words.
   */
  private snapshotDrops(owners: ReadonlyMap<number, string>): DropRanges | undefined {
    const forked = this.env.forked?.();
    const out = new Map(forked ?? []);
    for (const [client, authorHex] of owners) {
      if (!this.env.held?.(authorHex)) continue;
      const fork = forked?.get(client);
      const have = Y.getState(this.doc.store, client);
      if (fork) out.set(client, { from: fork.from, to: Infinity });
      else if (have > 0) out.set(client, { from: have, to: Infinity });
    }
    return out;
  }

  /** `bytes` without the given clock ranges; undecodable bytes as they are (refused later). */
  private strip(bytes: Uint8Array, ranges: DropRanges | undefined): Uint8Array {
    if (!ranges || ranges.size === 0) return bytes;
    try {
      return dropStructs(bytes, ranges);
    } catch {
      return bytes; // refused as malformed by the checks that follow
    }
  }

  /** Every clientID of this author's sessions claimed here, and `current` (this update's). */
  ownClients(authorHex: string, current: number): Set<number> {
    const own = new Set([current]);
    for (const [client, claim] of this.claims) if (claim.authorHex === authorHex) own.add(client);
    return own;
  }

  /** True when `client` is already claimed by an author other than `author`. */
  private ownerOf(client: number, author: Uint8Array): boolean {
    const owner = this.claims.get(client);
    return owner !== undefined && owner.authorHex !== toHex(author);
  }

  /**
   * Merges checked bytes, unless they would cost too much to integrate (checkUpdateCost) or nest
   * the doc too deep (checkDocDepth). One decode serves both checks.
   */
  private integrate(
    update: Uint8Array,
  ): Result<void, Exclude<ApplyRejection, 'clientid_unclaimed' | 'clientid_conflict'>> {
    const scan = scanUpdate(update);
    if (!scan.ok) return scan;
    if (!this.fits(update)) return err('over_budget', 'document');
    const depth = checkDocDepth(this.doc, update, scan.value.createsType);
    if (!depth.ok) return depth;
    try {
      Y.applyUpdate(this.doc, update, REMOTE_ORIGIN);
      this.stateBytes += update.length;
      this.sweepParked();
      return ok(undefined);
    } catch {
      return err('apply_failed');
    }
  }

  /**
   * Whether the others will take this device's own update under the receipt budgets every member
   * applies (the local doc already holds it, so this only tells): 'update' when it is larger than
   * maxUpdateBytes, 'document' when the state is now past maxDocBytes. Own writes count in the
   * running state size too, so the check of the next remote update starts from the true size.
   */
  checkOwn(update: Uint8Array): OwnOverBudget | undefined {
    this.stateBytes += update.length;
    if (update.length > this.budget.maxUpdateBytes) return 'update';
    if (this.stateBytes <= this.budget.maxDocBytes) return undefined;
    this.stateBytes = Y.encodeStateAsUpdate(this.doc).length;
    return this.stateBytes > this.budget.maxDocBytes ? 'document' : undefined;
  }

  /**
   * Whether merging `update` keeps the encoded state within maxDocBytes. Measured only near the
   * budget (the running count is an upper bound: merged updates shrink, deletions are collected),
   * then exactly, by merging into the current state without touching the document.
   */
  private fits(update: Uint8Array): boolean {
    const max = this.budget.maxDocBytes;
    if (this.stateBytes + update.length <= max) return true;
    const state = Y.encodeStateAsUpdate(this.doc);
    this.stateBytes = state.length;
    if (state.length + update.length <= max) return true;
    return Y.mergeUpdates([state, update]).length <= max;
  }

  /**
   * The author (signPk hex) a clientID belongs to in this document, from the claims: every struct
   * applied here was checked to carry one of its signing author's clientIDs. Read-only.
   */
  authorOf(client: number): string | undefined {
    return this.claims.get(client)?.authorHex;
  }

  /**
   * Per author (hex), the update seq up to which this peer verified everything itself: what its
   * snapshots may claim to cover (this device's own seqs are what it wrote).
   */
  verifiedMarks(meHex: string): Map<string, number> {
    const out = new Map(this.evidence.verifiedEntries());
    const own = this.applied.get(meHex);
    if (own !== undefined) out.set(meHex, own);
    return out;
  }

  heldSnapshot(envId: string): HeldSnapshot | undefined {
    return this.snapshotsHeld.get(envId);
  }

  /** Every (author, session) pair known for this doc, for snapshots. */
  allClaims(): SessionClaim[] {
    return Array.from(this.claims.values(), ({ author, session }) => ({ author, session }));
  }

  checkpoint(): DocCheckpoint {
    this.sweepParked();
    return {
      state: collectedState(this.doc),
      applied: Object.fromEntries(this.applied),
      sessions: sessionsByAuthor(this.claims.values()),
      snapshots: Array.from(this.snapshotsHeld.values()),
      evidence: this.evidence.checkpoint(),
    };
  }

  /** Restores from this device's own sealed checkpoint (already trusted: we wrote it). */
  restore(cp: DocCheckpoint): void {
    for (const [authorHex, sessions] of Object.entries(cp.sessions)) {
      const author = fromHex(authorHex);
      if (author) for (const session of sessions) this.claim(author, session);
    }
    for (const [a, s] of Object.entries(cp.applied)) this.applied.set(a, s);
    for (const held of cp.snapshots ?? []) this.holdsSnapshot(held);
    // A checkpoint from before SignedEvidence: what this device accepted then counts as verified.
    const ends = Y.decodeStateVector(Y.encodeStateVectorFromUpdate(cp.state));
    this.evidence.restore(
      cp.evidence ?? {
        verified: cp.applied,
        known: cp.applied,
        ends: Object.fromEntries(Array.from(ends, ([c, e]) => [String(c), e])),
      },
    );
    Y.applyUpdate(this.doc, cp.state, REMOTE_ORIGIN);
    this.stateBytes = cp.state.length;
  }
}

function sessionsByAuthor(
  claims: Iterable<{ authorHex: string; session: number }>,
): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const { authorHex, session } of claims) (out[authorHex] ??= []).push(session);
  return out;
}
