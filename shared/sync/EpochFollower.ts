import { bytesEqual } from '../crypto/bytes.ts';
import type { EpochSecrets } from '../crypto/deriveEpochSecrets.ts';
import type { CellContext } from './CellContext.ts';
import type { Generations } from './Generations.ts';
import type { SyncWriter } from './SyncWriter.ts';
import { BEACON_GENERATION, type WireScope } from './WireScope.ts';

export interface EpochFollowerHooks {
  openScope(epoch: number, generation: number): Promise<WireScope>;
  setCurrent(scope: WireScope): void;
  beacon(): WireScope;
  setBeacon(scope: WireScope): void;
  flushEdits(): void;
}

const sameSecrets = (a: EpochSecrets, b: EpochSecrets | undefined): boolean =>
  b !== undefined && bytesEqual(a.contentKey, b.contentKey);

/**
 * Keeps the engine's rooms on the epoch keys the roster says are this member's. Writing moves to
 * a newer epoch after a rotation; and when two coordinators rotated at once, the rotate that lost
 * left some members (its author first) on a key nobody else will use: every wire doc sealed under
 * a key we no longer hold for its epoch is left and its stored envelopes dropped, and writing
 * re-opens on the right key, seeded with snapshots of everything we hold, so nothing written
 * under the dropped key is lost.
 */
export class EpochFollower {
  private chain: Promise<void> = Promise.resolve();
  /**
   * Wire docs under a dropped key, still joined (in memory only) for the grace period: a member
   * admitted on that key by a coordinator whose rotate lost listens there and nowhere else, so
   * roster ops are echoed to it there (CellSync.echoRosterOps) and what it writes is still read.
   */
  readonly parked = new Set<WireScope>();
  /** The timer that leaves each parked wire doc after the grace period. */
  private readonly timers = new Map<WireScope, unknown>();

  constructor(
    private readonly ctx: CellContext,
    private readonly writer: SyncWriter,
    private readonly generations: Generations,
    private readonly hooks: EpochFollowerHooks,
  ) {}

  /** Serialised: a rotation is seen both by its author and through the roster, at once. */
  follow(epoch: number): Promise<void> {
    // One failed step must not stop every later one: the chain always continues.
    const step = this.chain.then(() => this.run(epoch));
    this.chain = step.catch((e: unknown) => {
      this.ctx.diagnostics.rekeyFailed++;
      console.error('quire: following the epoch failed', e instanceof Error ? e.stack : e);
    });
    return this.chain;
  }

  private async run(epoch: number): Promise<void> {
    const { ctx, hooks } = this;
    if (ctx.closed()) return;
    const stale = Array.from(ctx.scopes.values()).filter(
      (s) => !sameSecrets(s.secrets, ctx.opts.secretsFor(s.epoch)),
    );
    const current = ctx.current();
    const currentStale = stale.includes(current);
    const beaconStale = stale.includes(hooks.beacon());
    if (stale.length > 0) {
      hooks.flushEdits();
      for (const s of stale) this.park(s);
      // Dropped before anything is opened again: a re-opened scope may reuse the same store key.
      await this.writer.idle();
      ctx.diagnostics.rekeyed += stale.length;
    }
    if (ctx.closed()) return;
    if (ctx.opts.secretsFor(epoch) && (currentStale || epoch > current.epoch))
      await this.moveTo(epoch, beaconStale);
    // What we wrote (or applied) only in the rooms we left reaches the others by snapshot.
    if (stale.length > 0) this.generations.topUpLater(ctx.current());
    // An older epoch whose key changed under us: join its rooms on the right key for the grace
    // period, where members still on that epoch listen (roster ops posted only in the dropped
    // rooms reach them there: CellRuntime carries them).
    for (const e of new Set(stale.filter((s) => !s.isBeacon).map((s) => s.epoch))) {
      const joined = Array.from(ctx.scopes.values()).some((s) => s.epoch === e && !s.isBeacon);
      if (ctx.closed() || joined || !ctx.opts.secretsFor(e)) continue;
      const grace = await hooks.openScope(e, 0);
      grace.superseded = e < ctx.current().epoch;
      if (grace.superseded) this.generations.graceThenRetire(grace);
      this.writer.setScopes([...this.writer.scopes, grace.key]);
      this.writer.saveLocal();
    }
  }

  private async moveTo(epoch: number, beaconStale: boolean): Promise<void> {
    const { ctx, hooks } = this;
    hooks.flushEdits();
    const next = await this.scopeToWrite(epoch);
    if (ctx.closed()) return;
    if (beaconStale || hooks.beacon().epoch !== epoch)
      hooks.setBeacon(await hooks.openScope(epoch, BEACON_GENERATION));
    for (const s of ctx.scopes.values()) {
      if (s.epoch < epoch && !s.superseded && !s.isBeacon) {
        s.superseded = true;
        this.generations.graceThenRetire(s);
      }
    }
    for (const s of Array.from(ctx.scopes.values()))
      if (s.isBeacon && s !== hooks.beacon()) this.generations.retireNow(s);
    hooks.setCurrent(next);
    this.writer.setScopes(
      Array.from(ctx.scopes.values())
        .filter((s) => !s.isBeacon)
        .map((s) => s.key),
    );
    this.writer.saveLocal();
    this.generations.topUpLater(next);
  }

  /** The newest joined generation of `epoch` (after a retreat to an older key), else a new one. */
  private async scopeToWrite(epoch: number): Promise<WireScope> {
    let best: WireScope | undefined;
    for (const s of this.ctx.scopes.values())
      if (s.epoch === epoch && !s.isBeacon && (!best || s.generation > best.generation)) best = s;
    if (!best) return this.hooks.openScope(epoch, 0);
    best.superseded = false;
    best.rolledOverTo = undefined;
    return best;
  }

  /**
   * Forgets a wire doc sealed under a key we no longer hold for its epoch: no longer ours to
   * write in or to store (its stored envelopes are dropped: a re-opened scope may reuse its store
   * key), but kept joined for the grace period. Beacons are just left.
   */
  private park(scope: WireScope): void {
    const { ctx, writer } = this;
    ctx.scopes.delete(scope.key);
    scope.superseded = true;
    writer.setScopes(writer.scopes.filter((k) => k !== scope.key));
    const local = writer.localState();
    writer.enqueue(async () => {
      await ctx.opts.store.saveLocal(local);
      await ctx.opts.store.dropScope(scope.key);
    });
    if (scope.isBeacon) return this.leave(scope);
    this.parked.add(scope);
    const handle = ctx.scheduler.setTimeout(() => this.leave(scope), ctx.limits.epochGraceMs);
    this.timers.set(scope, handle);
  }

  /**
   * A parked wire doc of `epoch` and `generation` whose key is ours again (a rotate that lost a race counts once
   * more ops arrive, or a key dropped while we lacked it came back): taken back, since its room
   * is still joined and cannot be joined twice.
   */
  reclaim(epoch: number, generation: number): WireScope | undefined {
    const { ctx, writer } = this;
    let best: WireScope | undefined;
    for (const s of this.parked)
      if (s.epoch === epoch && s.generation === generation)
        if (sameSecrets(s.secrets, ctx.opts.secretsFor(epoch))) best = s;
    if (!best || ctx.scopes.has(best.key)) return undefined;
    this.parked.delete(best);
    ctx.scheduler.clearTimeout(this.timers.get(best));
    this.timers.delete(best);
    ctx.scopes.set(best.key, best);
    writer.setScopes([...writer.scopes, best.key]);
    return best;
  }

  private leave(scope: WireScope): void {
    const handle = this.timers.get(scope);
    if (handle !== undefined) this.ctx.scheduler.clearTimeout(handle);
    this.timers.delete(scope);
    this.parked.delete(scope);
    scope.room?.close();
    scope.doc.destroy();
  }

  /** Leaves every parked wire doc of an epoch below `epoch` (the history horizon passed it). */
  leaveBefore(epoch: number): void {
    for (const s of Array.from(this.parked)) if (s.epoch < epoch) this.leave(s);
  }

  /** Leaves every parked wire doc (the engine closes). */
  close(): void {
    for (const h of this.timers.values()) this.ctx.scheduler.clearTimeout(h);
    this.timers.clear();
    for (const s of Array.from(this.parked)) this.leave(s);
  }
}
