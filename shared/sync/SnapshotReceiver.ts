import * as Y from 'yjs';
import { fromHex, toHex } from '../crypto/bytes.ts';
import type { DecodedEnvelope } from '../envelope/DecodedEnvelope.ts';
import { ENVELOPE_KIND } from '../envelope/EnvelopeKind.ts';
import type { CellContext } from './CellContext.ts';
import type { DocReplica } from './DocReplica.ts';
import { judgeSnapshot, verifiedCoverage, type AuthorView } from './judgeSnapshot.ts';
import { decodeSnapshotBody } from './snapshotBody.ts';
import type { SyncRejection } from './SyncRejection.ts';
import type { WireScope } from './WireScope.ts';

/** What the snapshot receiver asks of EntryReceiver. */
export interface SnapshotHooks {
  touched(replica: DocReplica): void;
  /** Applies an author's waiting updates that are now next in line. */
  drain(replica: DocReplica, author: Uint8Array): void;
  /** A waiting update was applied (no reason) or refused. */
  settlePending(envId: string, reason: SyncRejection | undefined): void;
  /** Opens an entry again (a snapshot that waited for evidence). */
  reopen(scope: WireScope, key: string): void;
  rejected(reason: SyncRejection): 'rejected';
}

/** Snapshots one signer may have waiting per document; beyond, the oldest waits for a rescan. */
const MAX_WAITING_PER_SIGNER = 4;

/** A snapshot held back: where it is, who signed it, whose evidence could vouch for it. */
interface Waiting {
  readonly scope: WireScope;
  readonly signerHex: string;
  readonly blocker: string;
}

/**
 * 'waiting': not merged for now (it over-claims another author: judgeSnapshot), kept, shown in
 * Diagnostics.snapshotsWaiting, and judged again when evidence arrives or on the next rescan. Not
 * counted as refused: an honest snapshot can arrive before the updates that vouch for it.
 */
export type SnapshotOutcome = 'applied' | 'rejected' | 'waiting';

/**
 * Receives `snapshot` envelopes (PROTOCOL §8, "Which snapshots count"): only in a rollover or
 * top-up context, judged against what this peer verified from authors' own signed updates
 * (judgeSnapshot), and recorded as covering only what this peer verified (verifiedCoverage).
 */
export class SnapshotReceiver {
  /** Snapshots refused as over-claiming, per document (hex): judged again on new evidence. */
  private readonly waiting = new Map<string, Map<string, Waiting>>();
  private readonly recheckQueued = new Map<string, Set<string>>();
  /**
   * Per document (hex) and clientID: the end clock each signer's snapshots gave that clientID,
   * for clientIDs of authors other than the signer. Two signers agreeing vouch for an extent.
   */
  private readonly vouched = new Map<string, Map<number, Map<string, number>>>();

  constructor(
    private readonly ctx: CellContext,
    private readonly hooks: SnapshotHooks,
  ) {}

  receive(scope: WireScope, key: string, env: DecodedEnvelope): SnapshotOutcome {
    const { ctx, hooks } = this;
    // The cell's first wire doc never holds a snapshot: rollovers write into g >= 1, top-ups
    // after a key change into (e + 1, 0).
    if (scope.epoch === 0 && scope.generation === 0)
      return hooks.rejected('snapshot_out_of_context');
    const body = decodeSnapshotBody(env.body);
    if (!body.ok) return hooks.rejected(body.error);
    const replica = ctx.replica(env.docId);
    const signerHex = toHex(env.author);
    let extents: ReadonlyMap<number, number> | undefined;
    const result = replica.applySnapshot(
      body.value,
      (a) => ctx.opts.roster.knows(a),
      key,
      (ext, owners) => {
        extents = ext;
        this.vouch(replica, signerHex, ext, owners);
        const view = (a: string) => this.view(replica, scope, a);
        return judgeSnapshot(ext, owners, signerHex, scope.epoch, view);
      },
    );
    if (!result.ok) {
      if (result.error !== 'snapshot_overclaim') return hooks.rejected(result.error);
      this.hold(replica.docHex, key, { scope, signerHex, blocker: result.detail ?? '' });
      return 'waiting';
    }
    this.waiting.get(replica.docHex)?.delete(key);
    this.count();
    ctx.diagnostics.applied++;
    const claimed = new Map<string, number>();
    for (const m of body.value.covered) claimed.set(toHex(m.author), m.seq);
    const stateExt = extents ?? stateExtents(body.value.state);
    if (signerHex !== ctx.meHex) {
      const own = Array.from(stateExt).filter(([c]) => replica.authorOf(c) === signerHex);
      replica.evidence.noteOwnSnapshot(signerHex, claimed.get(signerHex) ?? 0, scope.epoch, own);
      this.evidenceChanged(replica.docHex, signerHex);
    }
    const covered = verifiedCoverage(
      claimed,
      stateExt,
      this.verifiedEnds(replica),
      (c) => replica.authorOf(c),
      (a) => this.heldSeq(replica, a),
    );
    replica.holdsSnapshot({
      envId: key,
      author: signerHex,
      seq: env.seq,
      covered: Object.fromEntries(covered),
    });
    for (const [authorHex, seq] of covered) scope.raiseCoverage(replica.docHex, authorHex, seq);
    for (const mark of body.value.covered) {
      const authorHex = toHex(mark.author);
      // Only for waiting: updates the snapshot claims to cover are applied at once (Yjs ignores
      // what it has), so an inflated claim cannot suppress anyone's edits.
      // This device's own seqs are what it wrote, never what someone claims.
      if (authorHex !== ctx.meHex && (replica.applied.get(authorHex) ?? 0) < mark.seq)
        replica.applied.set(authorHex, mark.seq);
      for (const p of ctx.pending.takeUpTo(replica.docHex, authorHex, mark.seq)) {
        const r = replica.applyUpdate(mark.author, p.session, p.update, p);
        hooks.settlePending(p.envId, r.ok ? undefined : r.error);
      }
      hooks.drain(replica, mark.author);
    }
    hooks.touched(replica);
    return 'applied';
  }

  /**
   * Records what one signer's snapshot gives other authors' clientIDs. An extent that snapshots of
   * two different signers, neither of them the author, both reach counts as evidence: an honest
   * member that missed the author's updates (their envelopes gone with a retired generation)
   * still converges, while one informer alone cannot vouch for what they forge.
   */
  private vouch(
    replica: DocReplica,
    signerHex: string,
    extents: ReadonlyMap<number, number>,
    owners: ReadonlyMap<number, string>,
  ): void {
    let doc = this.vouched.get(replica.docHex);
    if (!doc) this.vouched.set(replica.docHex, (doc = new Map<number, Map<string, number>>()));
    for (const [client, end] of extents) {
      const author = owners.get(client);
      if (author === undefined || author === signerHex || author === this.ctx.meHex) continue;
      let bySigner = doc.get(client);
      if (!bySigner) doc.set(client, (bySigner = new Map<string, number>()));
      if ((bySigner.get(signerHex) ?? 0) >= end) continue;
      bySigner.set(signerHex, end);
      if (bySigner.size < 2) continue;
      // The largest extent at least two signers reach: the second largest of their ends.
      const ends = Array.from(bySigner.values()).sort((a, b) => b - a);
      const agreed = ends[1] ?? 0;
      if ((replica.evidence.endOf(client) ?? 0) >= agreed) continue;
      replica.evidence.noteOwn(client, agreed);
      this.evidenceChanged(replica.docHex, author);
    }
  }

  /** Keeps a held-back snapshot for re-judging, at most a few per signer and document. */
  private hold(docHex: string, key: string, w: Waiting): void {
    let docWaiting = this.waiting.get(docHex);
    if (!docWaiting) this.waiting.set(docHex, (docWaiting = new Map<string, Waiting>()));
    docWaiting.delete(key);
    const same = Array.from(docWaiting).filter(([, o]) => o.signerHex === w.signerHex);
    // The oldest beyond the cap stays 'retry' in its scope: a rescan or a restart judges it.
    for (const [old] of same.slice(0, Math.max(0, same.length - MAX_WAITING_PER_SIGNER + 1)))
      docWaiting.delete(old);
    docWaiting.set(key, w);
    this.count();
  }

  /**
   * New evidence about one author of a document: the snapshots held back for want of it are
   * judged again (batched per document and tick).
   */
  evidenceChanged(docHex: string, authorHex: string): void {
    const docWaiting = this.waiting.get(docHex);
    if (!docWaiting) return;
    const queued = this.recheckQueued.get(docHex);
    let due = queued;
    for (const [key, w] of docWaiting) if (w.blocker === authorHex) (due ??= new Set()).add(key);
    if (!due || queued) return;
    this.recheckQueued.set(docHex, due);
    queueMicrotask(() => {
      const keys = this.recheckQueued.get(docHex);
      this.recheckQueued.delete(docHex);
      const held = this.waiting.get(docHex);
      if (!keys || !held || this.ctx.closed()) return;
      const again: [string, WireScope][] = [];
      for (const key of keys) {
        const w = held.get(key);
        if (w) again.push([key, w.scope]);
        held.delete(key);
      }
      this.count();
      for (const [key, scope] of again) {
        if (this.ctx.scopes.get(scope.key) === scope && scope.status.get(key) === 'retry')
          this.hooks.reopen(scope, key);
      }
    });
  }

  /** The gauge of snapshots waiting for evidence (Diagnostics.snapshotsWaiting). */
  private count(): void {
    let n = 0;
    for (const m of this.waiting.values()) n += m.size;
    this.ctx.diagnostics.snapshotsWaiting = n;
  }

  /** The highest seq of an author's signed update this peer holds (its own: what it wrote). */
  private heldSeq(replica: DocReplica, authorHex: string): number {
    if (authorHex === this.ctx.meHex) return replica.applied.get(authorHex) ?? 0;
    return replica.evidence.knownSeq(authorHex);
  }

  /** What this peer verified of one author: for itself, what it wrote. */
  private view(replica: DocReplica, scope: WireScope, authorHex: string): AuthorView {
    const { ctx } = this;
    if (authorHex === ctx.meHex) {
      const own = ownExtents(replica, ctx.meHex);
      const seq = replica.applied.get(authorHex) ?? 0;
      const endOf = (c: number) => own.get(c) ?? 0;
      return { verified: seq, known: seq, knownEpoch: scope.epoch, endOf, mayWrite: true };
    }
    const ev = replica.evidence;
    const author = fromHex(authorHex);
    const check = author
      ? ctx.opts.roster.writeCheck(author, scope.epoch, ENVELOPE_KIND.update, replica.docId)
      : 'not_member';
    return {
      verified: ev.verifiedSeq(authorHex),
      known: ev.knownSeq(authorHex),
      knownEpoch: ev.knownEpochOf(authorHex),
      endOf: (c) => ev.endOf(c),
      mayWrite: check === 'ok',
    };
  }

  /** Signed extents of every author, this device's own included. */
  private verifiedEnds(replica: DocReplica): Map<number, number> {
    const ends = new Map(replica.evidence.allEnds());
    for (const [c, e] of ownExtents(replica, this.ctx.meHex)) ends.set(c, e);
    return ends;
  }
}

/** This device's own clientIDs in the document and how far its state holds them. */
function ownExtents(replica: DocReplica, meHex: string): Map<number, number> {
  const sv = Y.decodeStateVector(Y.encodeStateVector(replica.doc));
  const out = new Map<number, number>();
  for (const [c, e] of sv) if (replica.authorOf(c) === meHex) out.set(c, e);
  return out;
}

function stateExtents(state: Uint8Array): ReadonlyMap<number, number> {
  try {
    return Y.parseUpdateMeta(state).to;
  } catch {
    return new Map();
  }
}
