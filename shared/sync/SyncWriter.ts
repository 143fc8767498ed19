import { fromHex, toHex } from '../crypto/bytes.ts';
import { randomBytes } from '../crypto/randomBytes.ts';
import type { EnvelopeKind } from '../envelope/EnvelopeKind.ts';
import { sealEnvelope } from '../envelope/sealEnvelope.ts';
import { seenKey, type CellContext } from './CellContext.ts';
import { signedDigest } from './signedDigest.ts';
import { NO_PREV } from './updateBody.ts';
import type { DocReplica } from './DocReplica.ts';
import type { LocalSyncState, WireEntry } from './SyncStore.ts';
import { VaultLockedError } from '../vault/VaultLockedError.ts';
import type { WireScope } from './WireScope.ts';

/**
 * Everything the engine writes: own envelopes (sealed, persisted with their seq, then published),
 * received entries (saved in batches), document checkpoints and the local state. All writes go
 * through one queue, so they reach the store in order.
 */
export class SyncWriter {
  private local: {
    seqs: Record<string, number>;
    sessions: Record<string, number>;
    scopes: string[];
    heads: Record<string, string>;
  };
  private writes: Promise<void> = Promise.resolve();
  /**
   * Our own envelopes not yet durable, oldest first. One whose write failed (disk full, quota)
   * stays here and blocks the later ones, so they reach the store in seq order; every new
   * publish and every idle() tries them again. None is published before it is durable.
   */
  private readonly backlog: (() => Promise<void>)[] = [];
  private readonly unsaved = new Map<string, WireEntry[]>();
  private saveScheduled = false;
  private readonly checkpointTimers = new Map<string, unknown>();
  private lockedLogged = false;

  constructor(
    private readonly ctx: CellContext,
    local: LocalSyncState | undefined,
    private readonly settled: (scope: WireScope, key: string) => void,
  ) {
    this.local = {
      seqs: { ...local?.seqs },
      sessions: { ...local?.sessions },
      scopes: [...(local?.scopes ?? [])],
      heads: { ...local?.heads },
    };
  }

  get scopes(): readonly string[] {
    return this.local.scopes;
  }

  setScopes(scopes: readonly string[]): void {
    this.local.scopes = [...scopes];
  }

  /**
   * Opens a new editing session of a document (a fresh clientID: clientIdFor): a random number
   * in 1..2^32-1 that `taken` does not reject (a session this document already knows). Random,
   * so nobody can claim a member's next session in advance (issue 14 item 2). Seeded simulations
   * draw it from their nonce source.
   */
  nextSession(docHex: string, taken: (session: number) => boolean): number {
    for (;;) {
      const b = this.ctx.opts.nonce?.() ?? randomBytes(4);
      const session =
        (((b[0] ?? 0) << 24) | ((b[1] ?? 0) << 16) | ((b[2] ?? 0) << 8) | (b[3] ?? 0)) >>> 0;
      if (session === 0 || taken(session)) continue;
      this.local.sessions[docHex] = session;
      return session;
    }
  }

  session(docHex: string): number {
    return this.local.sessions[docHex] ?? 0;
  }

  /**
   * Seals and signs one envelope with the next seq, persists it together with the seq counter,
   * and only then inserts it into the wire doc: a crash can never make us reuse a seq (which
   * peers would see as equivocation). With `stored` false (a parked wire doc, EpochFollower) only
   * the seq counter is persisted, not the envelope. A `bodyOf` given as a function is built from
   * the signed digest of our previous envelope of this document and kind (zeros before the
   * first): the hash chain of updates (PROTOCOL §4.3).
   */
  publish(
    docId: Uint8Array,
    kind: EnvelopeKind,
    bodyOf: Uint8Array | ((prev: Uint8Array) => Uint8Array),
    scope: WireScope,
    stored = true,
  ): { seq: number; envId: string } | undefined {
    const { ctx } = this;
    const docHex = toHex(docId);
    const counter = `${docHex}:${kind}`;
    const seq = (this.local.seqs[counter] ?? 0) + 1;
    const head = this.local.heads[counter];
    const body =
      typeof bodyOf === 'function' ? bodyOf((seq > 1 && head && fromHex(head)) || NO_PREV) : bodyOf;
    const time = ctx.scheduler.now();
    const sealed = sealEnvelope({
      contentKey: scope.secrets.contentKey,
      cellId: ctx.opts.cellId,
      epoch: scope.epoch,
      kind,
      docId,
      author: ctx.opts.me,
      seq,
      time,
      body,
      ...(ctx.opts.nonce ? { nonce: ctx.opts.nonce() } : {}),
    });
    if (!sealed.ok) return undefined;
    this.local.seqs[counter] = seq;
    const { envId, bytes } = sealed.value;
    const fields = { kind, docId, author: ctx.opts.me.signPk, seq, time, body };
    const signed = signedDigest(fields);
    this.local.heads[counter] = signed;
    ctx.seen.set(seenKey(ctx.meHex, docHex, kind, seq), { envId, signed });
    scope.status.set(envId, 'applied');
    scope.meta.set(envId, { authorHex: ctx.meHex, docHex, kind, seq });
    scope.keep(envId, bytes);
    const local = this.localState();
    this.backlog.push(async () => {
      if (stored) await ctx.opts.store.saveEnvelopes(scope.key, [{ envId, bytes }], local);
      else await ctx.opts.store.saveLocal(local);
      if (!ctx.closed()) scope.map.set(envId, bytes);
      this.settled(scope, envId);
    });
    this.enqueue(() => this.drainBacklog());
    return { seq, envId };
  }

  /** Saves (then publishes) our own envelopes in order; stops at the first that fails. */
  private async drainBacklog(): Promise<void> {
    for (let next = this.backlog[0]; next; next = this.backlog[0]) {
      await next(); // throws: it stays first, and the write failure is logged by enqueue
      this.backlog.shift();
    }
  }

  /** How many of our own envelopes are not durable yet (a failed write is retried later). */
  get notDurable(): number {
    return this.backlog.length;
  }

  localState(): LocalSyncState {
    return {
      seqs: { ...this.local.seqs },
      sessions: { ...this.local.sessions },
      scopes: [...this.local.scopes],
      heads: { ...this.local.heads },
    };
  }

  saveLocal(): void {
    const local = this.localState();
    this.enqueue(() => this.ctx.opts.store.saveLocal(local));
  }

  enqueue(fn: () => Promise<void>): void {
    this.writes = this.writes.then(fn).catch((e: unknown) => {
      // A failed write is never acknowledged: a received entry stays in memory and in the mesh
      // and is saved again when it arrives again; our own envelopes wait in the backlog. The
      // store reports the failure itself (Storage.onReport), which the app and the CLI show.
      // A locked vault (lock, auto-lock, panic wipe while the cell closes) fails every queued
      // write the same way: said once per writer, not once per write.
      if (e instanceof VaultLockedError) {
        if (this.lockedLogged) return;
        this.lockedLogged = true;
      }
      console.error('quire: sync store write failed', e instanceof Error ? e.message : 'unknown');
    });
  }

  /**
   * Resolves when every queued write has reached the store, including writes queued while the
   * earlier ones ran (entries received meanwhile, checkpoints): a close that awaited only the
   * writes queued when it started let later ones reach a store whose vault was already locked.
   */
  async idle(): Promise<void> {
    if (this.backlog.length > 0) this.enqueue(() => this.drainBacklog());
    // Callers share one wait: each used to run its own loop, woken at every write, so n flushes
    // pending in a busy engine cost n wake-ups per write. A caller whose writes came after the
    // shared wait last looked waits again.
    do {
      await (this.idling ??= this.waitIdle().finally(() => (this.idling = undefined)));
    } while (this.writes !== this.settledAt);
  }

  private idling: Promise<void> | undefined;
  /** The write chain as the last shared wait left it (settled). */
  private settledAt: Promise<void> | undefined;

  private async waitIdle(): Promise<void> {
    let seen: Promise<void>;
    do {
      seen = this.writes;
      await seen;
    } while (seen !== this.writes);
    this.settledAt = seen;
  }

  /** Keeps a received entry; entries are saved in batches, one write per burst. */
  persist(scope: WireScope, key: string, bytes: Uint8Array): void {
    if (!scope.keep(key, bytes)) return;
    let list = this.unsaved.get(scope.key);
    if (!list) this.unsaved.set(scope.key, (list = []));
    list.push({ envId: key, bytes });
    if (this.saveScheduled) return;
    this.saveScheduled = true;
    queueMicrotask(() => {
      this.saveScheduled = false;
      const batches = Array.from(this.unsaved);
      this.unsaved.clear();
      for (const [key, entries] of batches) {
        this.enqueue(() => this.ctx.opts.store.saveEnvelopes(key, entries));
      }
    });
  }

  /** Saves a document's checkpoint after a quiet period (fast open without replaying). */
  scheduleCheckpoint(replica: DocReplica): void {
    const { scheduler, limits } = this.ctx;
    const prior = this.checkpointTimers.get(replica.docHex);
    if (prior !== undefined) scheduler.clearTimeout(prior);
    this.checkpointTimers.set(
      replica.docHex,
      scheduler.setTimeout(() => this.checkpoint(replica), limits.checkpointMs),
    );
  }

  checkpoint(replica: DocReplica): void {
    const timer = this.checkpointTimers.get(replica.docHex);
    if (timer !== undefined) this.ctx.scheduler.clearTimeout(timer);
    this.checkpointTimers.delete(replica.docHex);
    const cp = replica.checkpoint();
    this.enqueue(() => this.ctx.opts.store.saveCheckpoint(replica.docHex, cp));
  }
}
