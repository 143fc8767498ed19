import { bytesEqual, toHex } from '../crypto/bytes.ts';
import type { DecodedEnvelope } from '../envelope/DecodedEnvelope.ts';
import { ENVELOPE_KIND } from '../envelope/EnvelopeKind.ts';
import { seenKey, type CellContext } from './CellContext.ts';
import type { DocReplica } from './DocReplica.ts';
import { openWireEntry } from './openWireEntry.ts';
import { evictJunk, holdUnopened } from './evictJunk.ts';
import { ForkProofs } from './ForkProofs.ts';
import { isForkProofKey } from './forkProof.ts';
import { ForkWatch } from './ForkWatch.ts';
import { isForkReleaseKey } from './forkRelease.ts';
import { Quarantine } from './Quarantine.ts';
import { isMemberNoticeKey } from './memberNotice.ts';
import { keepRelayNotice } from './keepRelayNotice.ts';
import { isRelayNoticeKey } from './relayNotice.ts';
import { acceptsRollover } from './acceptsRollover.ts';
import { decodeRolloverBody } from './rolloverBody.ts';
import { RosterReceiver } from './RosterReceiver.ts';
import { SnapshotReceiver } from './SnapshotReceiver.ts';
import type { SyncRejection } from './SyncRejection.ts';
import { decodeUpdateBody } from './updateBody.ts';
import { type EntryStatus, type WireScope } from './WireScope.ts';

/** What the receiver asks of the rest of the engine. */
export interface ReceiverHooks {
  /** Keep an entry that came from a key holder (saved in batches). */
  persist(scope: WireScope, key: string, bytes: Uint8Array): void;
  /** A document changed because of remote bytes. */
  touched(replica: DocReplica): void;
  /** After any entry settled in a scope (rollover checks, late re-publish). */
  settled(scope: WireScope, key: string): void;
  /** A valid rollover notice names a newer generation. */
  moveTo(generation: number): void;
  /** A `member/` entry: a roster notice sealed to one member (memberNotice.ts). */
  memberNotice(scope: WireScope, key: string, value: unknown): void;
  /** Both envelopes of a fork proof that verified (ForkVersions). */
  forkProven(sides: readonly DecodedEnvelope[], epochs: readonly number[]): void;
  /** The lowest seq of `author` in `doc` that verified proofs show two versions of (ForkVersions). */
  forkedSeq(authorHex: string, docHex: string): number | undefined;
}

type Outcome = Exclude<EntryStatus, 'retry'> | 'evicted' | 'waiting';

/**
 * The second half of the opening pipeline: after openWireEntry (size, decrypt, decode, roster,
 * signature) come seq (replays ignored, equivocation flagged), clientID binding and apply, or a
 * wait in the bounded pending buffer. Every drop is counted; nothing throws; a rejected entry
 * changes no document.
 */
export class EntryReceiver {
  private readonly roster: RosterReceiver;
  private readonly forks: ForkProofs;
  private readonly snapshots: SnapshotReceiver;
  private readonly watch: ForkWatch;
  readonly quarantine: Quarantine;

  constructor(
    private readonly ctx: CellContext,
    private readonly hooks: ReceiverHooks,
  ) {
    this.roster = new RosterReceiver(ctx, {
      persist: (scope, key, bytes) => hooks.persist(scope, key, bytes),
      reopen: (scope, key) => this.handle(scope, key, scope.map.get(key)),
    });
    const persist = (scope: WireScope, key: string, bytes: Uint8Array) =>
      hooks.persist(scope, key, bytes);
    this.quarantine = new Quarantine(ctx, persist, () => this.rescan());
    this.forks = new ForkProofs(ctx, persist, this.quarantine, (sides, epochs) =>
      hooks.forkProven(sides, epochs),
    );
    this.watch = new ForkWatch(ctx, this.forks, this.quarantine, persist, (a, d) =>
      hooks.forkedSeq(a, d),
    );
    this.snapshots = new SnapshotReceiver(ctx, {
      touched: (replica) => hooks.touched(replica),
      drain: (replica, author) => this.drain(replica, author),
      settlePending: (envId, reason) => this.settlePending(envId, reason),
      reopen: (scope, key) => this.handle(scope, key, scope.map.get(key) ?? scope.kept.get(key)),
      rejected: (reason) => this.rejected(reason),
    });
  }

  /** A wire-doc key changed (remote sync, load, or our own insert). */
  onWireChange(scope: WireScope, key: string): void {
    if (this.ctx.closed()) return;
    const value = scope.map.get(key);
    const kept = scope.kept.get(key);
    if (kept && !(value instanceof Uint8Array && bytesEqual(value, kept))) {
      // Wire docs are append-only: a deleted or overwritten entry is put back from our store.
      this.ctx.diagnostics.reinserted++;
      queueMicrotask(() => {
        const now = scope.map.get(key);
        if (!this.ctx.closed() && !(now instanceof Uint8Array && bytesEqual(now, kept)))
          scope.map.set(key, kept);
      });
      return;
    }
    // A deleted key (junk evicted here or by a peer) holds nothing to open.
    if (value === undefined) return;
    const status = scope.status.get(key);
    if (status === undefined || status === 'retry') this.handle(scope, key, value);
  }

  /** Re-opens entries that failed only for membership or were evicted (roster change, timer). */
  rescan(): void {
    for (const scope of this.ctx.scopes.values()) {
      for (const [key, value] of scope.map.entries()) {
        const status = scope.status.get(key);
        if (status === undefined || status === 'retry') this.handle(scope, key, value);
      }
    }
  }

  private handle(scope: WireScope, key: string, value: unknown): void {
    const { ctx } = this;
    if (isRelayNoticeKey(key)) {
      const kept = keepRelayNotice(ctx, scope, key, value);
      if (kept) this.hooks.persist(scope, key, kept);
      return;
    }
    if (isMemberNoticeKey(key)) return this.hooks.memberNotice(scope, key, value);
    if (isForkProofKey(key)) return this.forks.receive(scope, key, value);
    if (isForkReleaseKey(key)) return this.quarantine.receive(scope, key, value);
    if (this.restoreHeld(scope, key, value)) return;
    const opened = openWireEntry(key, value, {
      cellId: ctx.opts.cellId,
      epoch: scope.epoch,
      contentKey: scope.secrets.contentKey,
      roster: ctx.opts.roster,
    });
    if (!opened.ok) {
      if (scope.status.get(key) !== 'retry') ctx.diagnostics.reject(opened.error);
      const retry =
        opened.decrypted && (opened.error === 'not_member' || opened.error === 'not_writer');
      if (retry && value instanceof Uint8Array && holdUnopened(scope, key, value)) {
        scope.status.set(key, 'retry');
        this.hooks.persist(scope, key, value);
      } else if (!evictJunk(ctx, scope, key, value))
        scope.status.set(key, retry ? 'retry' : 'rejected');
      return;
    }
    const env = opened.value;
    const authorHex = toHex(env.author);
    const docHex = toHex(env.docId);
    if (scope.isBeacon && env.kind !== ENVELOPE_KIND.rollover) {
      scope.status.set(key, 'rejected');
      ctx.diagnostics.reject('malformed');
      return;
    }
    const judged = this.watch.judge(scope, key, env, value);
    if (!judged) return;
    const { verdict, seen, entry } = judged;
    if (env.kind === ENVELOPE_KIND.roster) {
      // Judged by the roster log before anything keeps it, even a copy we saw elsewhere.
      if (verdict === 'new') ctx.seen.set(seen, entry);
      scope.status.set(key, this.roster.receive(scope, key, env, value as Uint8Array));
      this.hooks.settled(scope, key);
      return;
    }
    if (verdict === 'copy') {
      // The same signed fields sealed again (anyone with the content key can): a duplicate, not
      // equivocation (PROTOCOL §4.5). Not kept: the copy we hold already serves it.
      ctx.diagnostics.duplicates++;
      scope.skipLoad(key);
      scope.status.set(key, 'applied');
      return;
    }
    scope.meta.set(key, { authorHex, docHex, kind: env.kind, seq: env.seq });
    this.hooks.persist(scope, key, value as Uint8Array);
    if (verdict === 'same') {
      // The same envelope again (a replay, or a re-publish into a new generation): nothing to do,
      // and nothing that counts toward this wire doc's rollover threshold.
      ctx.diagnostics.duplicates++;
      scope.skipLoad(key);
      scope.status.set(key, 'applied');
    } else {
      ctx.seen.set(seen, entry);
      const outcome = this.dispatch(scope, key, env);
      if (outcome === 'evicted') {
        ctx.seen.delete(seen);
        scope.status.delete(key);
      } else if (outcome === 'waiting') {
        // Judged again when evidence arrives (SnapshotReceiver) or on the next rescan.
        ctx.seen.delete(seen);
        scope.status.set(key, 'retry');
      } else scope.status.set(key, outcome);
    }
    this.hooks.settled(scope, key);
  }

  /**
   * A snapshot our checkpoint already holds, read back from our own store (the vault's AEAD
   * vouches for the bytes under that id; we verified them before storing): marked applied from
   * what the checkpoint recorded, without decrypting, verifying or merging its state again.
   */
  private restoreHeld(scope: WireScope, key: string, value: unknown): boolean {
    const { ctx } = this;
    const kept = scope.kept.get(key);
    if (!kept || !(value instanceof Uint8Array)) return false;
    const replica = ctx.holderOf(key);
    const held = replica?.heldSnapshot(key);
    if (!replica || !held || !bytesEqual(value, kept)) return false;
    const seen = seenKey(held.author, replica.docHex, ENVELOPE_KIND.snapshot, held.seq);
    const prior = ctx.seen.get(seen);
    if (prior !== undefined && prior.envId !== key) return false; // the full pipeline decides
    if (prior === undefined) ctx.seen.set(seen, { envId: key, signed: undefined });
    const meta = { authorHex: held.author, docHex: replica.docHex, seq: held.seq };
    scope.meta.set(key, { ...meta, kind: ENVELOPE_KIND.snapshot });
    for (const [author, seq] of Object.entries(held.covered)) {
      scope.raiseCoverage(replica.docHex, author, seq);
    }
    scope.status.set(key, 'applied');
    ctx.diagnostics.applied++;
    this.hooks.settled(scope, key);
    return true;
  }

  private dispatch(scope: WireScope, key: string, env: DecodedEnvelope): Outcome {
    switch (env.kind) {
      case ENVELOPE_KIND.update:
        return this.receiveUpdate(scope, key, env);
      case ENVELOPE_KIND.snapshot:
        return this.snapshots.receive(scope, key, env);
      case ENVELOPE_KIND.roster:
        return 'rejected'; // handled before dispatch (RosterReceiver)
      case ENVELOPE_KIND.rollover:
        return this.receiveRollover(scope, env);
    }
  }

  private receiveUpdate(scope: WireScope, key: string, env: DecodedEnvelope): Outcome {
    const { ctx } = this;
    const body = decodeUpdateBody(env.body);
    if (!body.ok) return this.rejected(body.error);
    const replica = ctx.replica(env.docId);
    const authorHex = toHex(env.author);
    const applied = replica.applied.get(authorHex) ?? 0;
    if (env.seq > applied + 1) {
      const now = ctx.scheduler.now();
      const { session, update } = body.value;
      const signed = { seq: env.seq, envId: key, epoch: scope.epoch };
      replica.noteWaiting(env.author, session, update, signed);
      this.snapshots.evidenceChanged(replica.docHex, authorHex);
      const evicted = ctx.pending.add(
        replica.docHex,
        authorHex,
        { envId: key, seq: env.seq, session, update, since: now, epoch: scope.epoch },
        now,
      );
      this.onEvicted(evicted.filter((id) => id !== key));
      ctx.diagnostics.pending = ctx.pending.count;
      if (evicted.includes(key)) {
        ctx.diagnostics.reject('pending_evicted');
        return 'evicted';
      }
      return 'pending';
    }
    const { session, update } = body.value;
    const signed = { seq: env.seq, envId: key, epoch: scope.epoch };
    const result = replica.applyUpdate(env.author, session, update, signed);
    // A refused update is settled like one refused after waiting (drain): it never applies, and
    // the author's later seqs must not wait for it forever.
    if (env.seq > applied) replica.applied.set(authorHex, env.seq);
    const drained = this.drain(replica, env.author);
    if (result.ok || drained > 0) this.hooks.touched(replica);
    if (!result.ok) return this.rejected(result.error);
    this.snapshots.evidenceChanged(replica.docHex, authorHex);
    ctx.diagnostics.applied++;
    return 'applied';
  }

  private receiveRollover(scope: WireScope, env: DecodedEnvelope): Outcome {
    const body = decodeRolloverBody(env.body);
    if (!body.ok) return this.rejected(body.error);
    const next = body.value.nextGeneration;
    const current = this.ctx.current();
    if (!acceptsRollover(scope, next, current)) return this.rejected('malformed_rollover');
    this.ctx.diagnostics.applied++;
    if (scope.epoch === current.epoch && next > current.generation) this.hooks.moveTo(next);
    return 'applied';
  }

  /** Applies every waiting update of this author that is now next in line; returns how many. */
  private drain(replica: DocReplica, author: Uint8Array): number {
    const { ctx } = this;
    const authorHex = toHex(author);
    let taken = 0;
    for (;;) {
      // Writes of an author proven to fork here stay where they are (ForkWatch holds new ones).
      if (this.quarantine.holds(authorHex, replica.docHex)) break;
      const next = (replica.applied.get(authorHex) ?? 0) + 1;
      const p = ctx.pending.take(replica.docHex, authorHex, next);
      if (!p) break;
      const r = replica.applyUpdate(author, p.session, p.update, p);
      replica.applied.set(authorHex, next);
      this.settlePending(p.envId, r.ok ? undefined : r.error);
      taken++;
    }
    ctx.diagnostics.pending = ctx.pending.count;
    return taken;
  }

  private settlePending(envId: string, reason: SyncRejection | undefined): void {
    if (reason) this.ctx.diagnostics.reject(reason);
    else this.ctx.diagnostics.applied++;
    for (const scope of this.ctx.scopes.values()) {
      if (scope.status.get(envId) === 'pending')
        scope.status.set(envId, reason ? 'rejected' : 'applied');
    }
  }

  private onEvicted(envIds: readonly string[]): void {
    for (const envId of envIds) {
      this.ctx.diagnostics.reject('pending_evicted');
      for (const scope of this.ctx.scopes.values()) {
        if (scope.status.get(envId) !== 'pending') continue;
        // Forget it so a rescan opens it again once the gap may have filled.
        scope.status.delete(envId);
        const meta = scope.meta.get(envId);
        if (meta) this.ctx.seen.delete(seenKey(meta.authorHex, meta.docHex, meta.kind, meta.seq));
      }
    }
  }

  private rejected(reason: SyncRejection): 'rejected' {
    this.ctx.diagnostics.reject(reason);
    return 'rejected';
  }
}
