import { collectedState } from './collectedState.ts';
import { fromHex } from '../crypto/bytes.ts';
import { MAX_BODY_BYTES } from '../envelope/envelopeFormat.ts';
import { ENVELOPE_KIND } from '../envelope/EnvelopeKind.ts';
import type { CellContext } from './CellContext.ts';
import { carriesEntry } from './carriesEntry.ts';
import type { DocReplica } from './DocReplica.ts';
import { CELL_DOC_ID } from './CellSyncOptions.ts';
import { farthestReachable } from './farthestReachable.ts';
import { heldUpdates } from './heldUpdates.ts';
import { encodeRolloverBody } from './rolloverBody.ts';
import { encodeSnapshotBody } from './snapshotBody.ts';
import type { SyncWriter } from './SyncWriter.ts';
import { BEACON_GENERATION, scopeKey, type WireScope } from './WireScope.ts';

export interface GenerationHooks {
  openScope(epoch: number, generation: number): Promise<WireScope>;
  setCurrent(scope: WireScope): void;
  beacon(): WireScope;
  flushEdits(): void;
  replicas(): Iterable<DocReplica>;
}

/**
 * Compaction by rollover (DESIGN §4): a full wire doc is never trimmed (peers would re-insert);
 * instead a writer snapshots every document into generation g+1, announces the move in g and in
 * the epoch's beacon, and every peer follows, copying into g+1 whatever the snapshots do not
 * cover (anyone's envelopes, still signed by their authors), so no edit is lost.
 */
export class Generations {
  private timer: unknown;
  /** The newest generation a notice named, and whether a move towards it is under way. */
  private wanted: { readonly epoch: number; readonly generation: number } | undefined;
  /** Generations of the current epoch that valid rollover notices named, beyond the current. */
  private named: { readonly epoch: number; readonly generations: Set<number> } | undefined;
  private moving = false;
  private topUpTimer: unknown;
  private topUpTarget: WireScope | undefined;
  private readonly timers = new Set<unknown>();

  constructor(
    private readonly ctx: CellContext,
    private readonly writer: SyncWriter,
    private readonly hooks: GenerationHooks,
  ) {}

  /** After an entry settled: copy late entries forward; start a rollover when the doc is full. */
  settled(scope: WireScope, key: string): void {
    const { ctx } = this;
    if (scope.superseded) {
      // A late write in an older epoch cannot be copied (sealed under the old key): fold it into
      // the current epoch by snapshot instead.
      if (scope.status.get(key) === 'applied') this.topUpLater(ctx.current());
      return;
    }
    if (scope.rolledOverTo !== undefined) {
      const target = ctx.scopes.get(scopeKey(scope.epoch, scope.rolledOverTo));
      if (target) this.republishOne(scope, target, key);
      return;
    }
    // Roster envelopes, snapshots and copies from an older generation never count
    // (WireScope.loadEntries): a rollover's snapshots of every document would otherwise start the
    // next rollover as soon as the cell's documents pass the threshold, without end.
    const kind = scope.meta.get(key)?.kind;
    if (kind !== ENVELOPE_KIND.roster && kind !== ENVELOPE_KIND.snapshot) scope.countLoad(key);
    if (scope !== ctx.current() || this.timer !== undefined || scope.rolloverBlocked) return;
    const { rolloverEntries, rolloverBytes } = ctx.limits;
    if (scope.loadEntries < rolloverEntries && scope.loadBytes < rolloverBytes) return;
    if (!this.maySnapshot(scope.epoch)) return;
    const delay = Math.floor((ctx.opts.random ?? Math.random)() * ctx.limits.rolloverJitterMs);
    this.timer = this.later(() => {
      this.timer = undefined;
      void this.rollover(scope);
    }, delay);
  }

  /**
   * Writes snapshots of every document into the next generation, then announces the move. Never
   * rejects: a failure (a room that cannot be joined, a store error) is counted and the wire doc
   * stays where it was, to be rolled over later.
   */
  async rollover(scope: WireScope): Promise<void> {
    const { ctx, writer, hooks } = this;
    if (ctx.closed() || scope !== ctx.current() || scope.rolledOverTo !== undefined) return;
    const generation = scope.generation + 1;
    // The beacon's number is reserved: after 2^32 - 2 rollovers an epoch's wire doc stays put.
    if (generation >= BEACON_GENERATION) {
      ctx.diagnostics.rolloverFailed++;
      return;
    }
    const key = scopeKey(scope.epoch, generation);
    const existing = ctx.scopes.get(key);
    try {
      hooks.flushEdits();
      // Every document must fit one snapshot, or the move would lose what it cannot carry: the
      // wire doc then stays where it is (counted), until the documents fit (SyncLimits budgets).
      const bodies = Array.from(hooks.replicas(), (r) => [r, snapshotOf(r, ctx.meHex)] as const);
      if (bodies.some(([, b]) => b.body.length > MAX_BODY_BYTES)) {
        ctx.diagnostics.rolloverFailed++;
        scope.rolloverBlocked = true;
        return;
      }
      const next = existing ?? (await hooks.openScope(scope.epoch, generation));
      if (ctx.closed() || scope !== ctx.current()) return;
      for (const [replica, body] of bodies)
        if (!this.snapshotInto(replica, next, body)) throw new Error('snapshot not sealed');
      const notice = encodeRolloverBody({ nextGeneration: next.generation });
      writer.publish(CELL_DOC_ID, ENVELOPE_KIND.rollover, notice, scope);
      writer.publish(CELL_DOC_ID, ENVELOPE_KIND.rollover, notice, hooks.beacon());
      this.moveTo(next.generation);
    } catch {
      ctx.diagnostics.rolloverFailed++;
      this.dropStray(key, existing);
    }
  }

  /**
   * Follows the cell to a newer generation of the current epoch that a valid rollover notice
   * named. Only small forward steps: the move goes to the farthest generation reachable from the
   * current one in steps of at most MAX_GENERATION_STEP through named generations, so a notice
   * naming a far generation (0xfffffffe) alone moves nobody, while a member that missed many
   * rollovers catches up through their notices in one move.
   */
  moveTo(generation: number): void {
    const current = this.ctx.current();
    if (generation <= current.generation || generation >= BEACON_GENERATION) return;
    if (this.named?.epoch !== current.epoch)
      this.named = { epoch: current.epoch, generations: new Set() };
    const { generations } = this.named;
    generations.add(generation);
    for (const g of generations) if (g <= current.generation) generations.delete(g);
    // Notices often arrive in a batch (a cold joiner reads the beacon's whole history): remember
    // only the newest target and make one move, never one room per notice.
    const target = farthestReachable(current.generation, generations);
    const wanted = this.wanted?.epoch === current.epoch ? this.wanted.generation : -1;
    if (target <= current.generation || target <= wanted) return;
    this.wanted = { epoch: current.epoch, generation: target };
    if (this.moving) return;
    this.moving = true;
    queueMicrotask(() => void this.performMoves());
  }

  private async performMoves(): Promise<void> {
    const { ctx } = this;
    try {
      for (;;) {
        const old = ctx.current();
        const wanted = this.wanted;
        // A move only within one epoch: a rotation in between makes older targets moot.
        if (ctx.closed() || wanted?.epoch !== old.epoch || wanted.generation <= old.generation)
          return;
        if (!(await this.moveOnce(old, wanted.generation))) return;
      }
    } finally {
      this.moving = false;
    }
  }

  /** One move from `old` to `generation`; false when it did not happen (failures are counted). */
  private async moveOnce(old: WireScope, generation: number): Promise<boolean> {
    const { ctx, writer, hooks } = this;
    const key = scopeKey(old.epoch, generation);
    const existing = ctx.scopes.get(key);
    old.rolledOverTo = generation;
    try {
      const next = existing ?? (await hooks.openScope(old.epoch, generation));
      if (ctx.closed() || ctx.current() !== old) return false;
      hooks.setCurrent(next);
      writer.setScopes([...writer.scopes.filter((k) => k !== key), key]);
      writer.saveLocal();
      this.later(() => this.republish(old, next), ctx.limits.republishDelayMs);
      this.later(() => this.retire(old), ctx.limits.drainMs);
      return true;
    } catch {
      ctx.diagnostics.rolloverFailed++;
      if (ctx.current() === old) old.rolledOverTo = undefined;
      this.dropStray(key, existing);
      this.wanted = undefined;
      return false;
    }
  }

  /** Forgets a scope half-opened by a failed rollover or move (never one that was there before). */
  private dropStray(key: string, existing: WireScope | undefined): void {
    const stray = this.ctx.scopes.get(key);
    if (!stray || stray === existing || stray === this.ctx.current()) return;
    stray.room?.close();
    this.ctx.scopes.delete(key);
    stray.doc.destroy();
  }

  private republish(from: WireScope, to: WireScope): void {
    for (const key of from.kept.keys()) this.republishOne(from, to, key);
    this.topUp(to);
  }

  /** Whether this device may write a snapshot in `epoch` (rollovers and top-ups alike). */
  private maySnapshot(epoch: number): boolean {
    const { opts } = this.ctx;
    return (
      opts.roster.writeCheck(opts.me.signPk, epoch, ENVELOPE_KIND.snapshot, CELL_DOC_ID) === 'ok'
    );
  }

  /**
   * A rollover writer may have seen less than we have, and what we saw may survive only inside
   * an older generation's snapshot (no envelope left to copy). For every document where we have
   * applied more of some author than the new generation holds, write our own snapshot there.
   */
  private topUp(to: WireScope): void {
    const { ctx, hooks } = this;
    if (!this.maySnapshot(to.epoch)) return;
    const held = heldUpdates(to);
    for (const replica of hooks.replicas()) {
      const verified = replica.verifiedMarks(ctx.meHex);
      const behind = Array.from(verified).some(([authorHex, seq]) => {
        let have = to.covered(replica.docHex, authorHex);
        const seqs = held.get(`${replica.docHex}:${authorHex}`);
        while (seqs?.has(have + 1)) have++;
        return seq > have;
      });
      if (behind) this.snapshotInto(replica, to);
    }
  }

  /**
   * Seals a snapshot of `replica` into `to`; coverage is raised only once it is sealed, and only of
   * what this peer verified itself (PROTOCOL §8), never a claim it received.
   */
  private snapshotInto(
    replica: DocReplica,
    to: WireScope,
    built = snapshotOf(replica, this.ctx.meHex),
  ): boolean {
    const sealed = this.writer.publish(replica.docId, ENVELOPE_KIND.snapshot, built.body, to);
    if (!sealed) return false;
    for (const [authorHex, seq] of built.verified) to.raiseCoverage(replica.docHex, authorHex, seq);
    const { envId, seq } = sealed;
    const marks = Object.fromEntries(built.verified);
    replica.holdsSnapshot({ envId, author: this.ctx.meHex, seq, covered: marks });
    return true;
  }

  private republishOne(from: WireScope, to: WireScope, key: string): void {
    if (to.map.has(key) || this.ctx.closed()) return;
    if (this.ctx.scopes.get(to.key) !== to) return;
    if (!carriesEntry(this.ctx, from, to, key)) return;
    const bytes = from.kept.get(key);
    if (!bytes) return;
    this.ctx.diagnostics.republished++;
    to.map.set(key, bytes);
  }

  /** Leaves a drained generation and deletes its stored envelopes (what matters was carried). */
  retireNow(scope: WireScope): void {
    this.retire(scope);
  }

  private retire(scope: WireScope): void {
    const { ctx, writer } = this;
    // A scope left for a key change (EpochFollower) is gone already; its key may be reused.
    if (ctx.closed() || scope === ctx.current() || ctx.scopes.get(scope.key) !== scope) return;
    const target =
      scope.rolledOverTo !== undefined
        ? ctx.scopes.get(scopeKey(scope.epoch, scope.rolledOverTo))
        : undefined;
    if (target) this.republish(scope, target);
    scope.room?.close();
    ctx.scopes.delete(scope.key);
    scope.doc.destroy();
    writer.setScopes(writer.scopes.filter((k) => k !== scope.key));
    const local = writer.localState();
    writer.enqueue(async () => {
      await ctx.opts.store.saveLocal(local);
      await ctx.opts.store.dropScope(scope.key);
    });
  }

  private later(fn: () => void, ms: number): unknown {
    const handle = this.ctx.scheduler.setTimeout(() => {
      this.timers.delete(handle);
      if (!this.ctx.closed()) fn();
    }, ms);
    this.timers.add(handle);
    return handle;
  }

  /** Writes snapshots into `to` after the usual delay where it holds less than we do (debounced). */
  topUpLater(to: WireScope): void {
    this.topUpTarget = to;
    if (this.topUpTimer !== undefined) return;
    // Debounced: a second request while one waits (writing moved again meanwhile) must not be
    // lost, so the timer tops up the newest target, if writing is still there.
    this.topUpTimer = this.later(() => {
      this.topUpTimer = undefined;
      const target = this.topUpTarget;
      if (target && this.ctx.current() === target) this.topUp(target);
    }, this.ctx.limits.republishDelayMs);
  }

  /** A superseded epoch's scope stays joined for the grace period, then goes. */
  graceThenRetire(scope: WireScope): void {
    this.later(() => this.retireNow(scope), this.ctx.limits.epochGraceMs);
  }

  /** After a restart: older generations still joined drain and retire like after a live move. */
  resume(old: WireScope, current: WireScope): void {
    this.later(() => this.republish(old, current), this.ctx.limits.republishDelayMs);
    this.later(() => this.retire(old), this.ctx.limits.drainMs);
  }

  cancel(): void {
    for (const h of this.timers) this.ctx.scheduler.clearTimeout(h);
    this.timers.clear();
  }
}

/**
 * A snapshot body of `replica`'s whole state, covering per author only what this peer verified
 * itself (`meHex`: the writer), with those marks.
 */
export function snapshotOf(
  replica: DocReplica,
  meHex: string,
): { body: Uint8Array; verified: ReadonlyMap<string, number> } {
  const verified = replica.verifiedMarks(meHex);
  const covered = Array.from(verified, ([a, seq]) => ({
    author: fromHex(a) ?? new Uint8Array(32),
    seq,
  }));
  const state = collectedState(replica.doc);
  return { body: encodeSnapshotBody({ claims: replica.allClaims(), covered, state }), verified };
}
