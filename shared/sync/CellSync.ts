import * as Y from 'yjs';
import { bytesEqual, fromHex, toHex } from '../crypto/bytes.ts';
import type { EpochSecrets } from '../crypto/deriveEpochSecrets.ts';
import { deriveRoomName } from '../crypto/deriveEpochSecrets.ts';
import type { DecodedEnvelope } from '../envelope/DecodedEnvelope.ts';
import { ENVELOPE_KIND, type EnvelopeKind } from '../envelope/EnvelopeKind.ts';
import { sealEnvelope } from '../envelope/sealEnvelope.ts';
import type { IceServer, RoomStatus, Transport } from '../transport/Transport.ts';
import { Diagnostics } from './Diagnostics.ts';
import { DocReplica, REMOTE_ORIGIN } from './DocReplica.ts';
import { openWireEntry } from './openWireEntry.ts';
import { PendingUpdates } from './PendingUpdates.ts';
import type { RosterPort } from './RosterPort.ts';
import { realScheduler, type Scheduler } from './Scheduler.ts';
import { DEFAULT_SYNC_LIMITS, type SyncLimits } from './SyncLimits.ts';
import type { LocalSyncState, SyncStore, WireEntry } from './SyncStore.ts';
import { UpdateBatcher } from './UpdateBatcher.ts';
import { clientIdFor } from './clientIdFor.ts';
import { decodeRolloverBody, encodeRolloverBody } from './rolloverBody.ts';
import { decodeSnapshotBody, encodeSnapshotBody } from './snapshotBody.ts';
import { decodeUpdateBody, encodeUpdateBody } from './updateBody.ts';
import { BEACON_GENERATION, WireScope, scopeKey } from './WireScope.ts';

/** The document id of cell-level envelopes (roster ops, rollover notices). */
export const CELL_DOC_ID = new Uint8Array(16);

export interface CellSyncOptions {
  readonly cellId: Uint8Array;
  readonly me: { readonly signPk: Uint8Array; readonly signSk: Uint8Array };
  readonly epoch: number;
  readonly secrets: EpochSecrets;
  readonly roster: RosterPort;
  readonly store: SyncStore;
  /** Omit to work offline. */
  readonly transport?: Transport;
  readonly signaling: readonly string[];
  readonly iceServers?: readonly IceServer[];
  readonly relayOnly?: boolean;
  readonly scheduler?: Scheduler;
  readonly limits?: Partial<SyncLimits>;
  /** Fixed nonces and jitter for seeded simulations; the app uses the CSPRNG and Math.random. */
  readonly nonce?: () => Uint8Array;
  readonly random?: () => number;
  /** A wire doc's own Yjs clientID (simulations make it deterministic). */
  readonly wireClientId?: () => number;
  /** Verified roster ops, in arrival order (the roster computes validity itself). */
  readonly onRosterOp?: (op: Uint8Array, author: Uint8Array) => void;
}

/**
 * The sync engine of one cell for one member: multiplexes every document of the cell into sealed,
 * signed envelopes on one wire doc per generation, opens what arrives in DESIGN order and
 * applies only what passed, batches local edits, rolls full wire docs over, and re-publishes what
 * a rollover's snapshots do not cover. Nothing throws past it on bad input.
 */
export class CellSync {
  readonly diagnostics = new Diagnostics();
  private readonly limits: SyncLimits;
  private readonly scheduler: Scheduler;
  private readonly meHex: string;
  private readonly scopes = new Map<string, WireScope>();
  private current!: WireScope;
  private beacon!: WireScope;
  private readonly replicas = new Map<string, DocReplica>();
  private readonly batchers = new Map<string, UpdateBatcher>();
  private readonly pending: PendingUpdates;
  /** `${author}:${doc}:${kind}:${seq}` -> envId: replays are ignored, a second envId is equivocation. */
  private readonly seen = new Map<string, string>();
  private local: {
    seqs: Record<string, number>;
    sessions: Record<string, number>;
    scopes: string[];
  } = {
    seqs: {},
    sessions: {},
    scopes: [],
  };
  private writes: Promise<void> = Promise.resolve();
  private readonly unsaved = new Map<string, WireEntry[]>();
  private saveScheduled = false;
  private readonly checkpointTimers = new Map<string, unknown>();
  private rolloverTimer: unknown;
  private readonly timers = new Set<unknown>();
  private closed = false;
  private readonly docListeners = new Set<(docHex: string) => void>();

  private constructor(private readonly opts: CellSyncOptions) {
    this.limits = { ...DEFAULT_SYNC_LIMITS, ...opts.limits };
    this.scheduler = opts.scheduler ?? realScheduler;
    this.meHex = toHex(opts.me.signPk);
    this.pending = new PendingUpdates(
      this.limits.pendingMaxCount,
      this.limits.pendingMaxBytes,
      this.limits.pendingMaxAgeMs,
    );
  }

  /** Loads this device's state for the cell, replays stored envelopes and joins the rooms. */
  static async open(opts: CellSyncOptions): Promise<CellSync> {
    const sync = new CellSync(opts);
    await sync.load();
    return sync;
  }

  private async load(): Promise<void> {
    const { store, epoch } = this.opts;
    const local: LocalSyncState | undefined = await store.loadLocal();
    if (local)
      this.local = {
        seqs: { ...local.seqs },
        sessions: { ...local.sessions },
        scopes: [...local.scopes],
      };
    for (const [docHex, cp] of await store.loadCheckpoints()) {
      const docId = fromHex(docHex);
      if (docId?.length === 16) this.replica(docId).restore(cp);
    }
    const own = this.local.scopes.filter((k) => k.startsWith(`${epoch}:`));
    if (own.length === 0) own.push(scopeKey(epoch, 0));
    this.local.scopes = own;
    // Create every scope before loading any: stored entries may point from one to another.
    for (const key of own) this.current = this.createScope(epoch, Number(key.split(':')[1]));
    this.beacon = this.createScope(epoch, BEACON_GENERATION);
    for (const s of this.scopes.values()) {
      if (s !== this.current && !s.isBeacon) s.rolledOverTo = this.current.generation;
    }
    for (const s of Array.from(this.scopes.values())) await this.fill(s);
    this.opts.roster.onChange(() => this.rescan());
  }

  private async openScope(epoch: number, generation: number): Promise<WireScope> {
    const scope = this.createScope(epoch, generation);
    await this.fill(scope);
    return scope;
  }

  private createScope(epoch: number, generation: number): WireScope {
    const scope = new WireScope(epoch, generation, this.opts.secrets);
    if (this.opts.wireClientId) scope.doc.clientID = this.opts.wireClientId();
    this.scopes.set(scope.key, scope);
    scope.map.observe((event) => {
      for (const key of event.keysChanged as Set<string>) this.onWireChange(scope, key);
    });
    return scope;
  }

  /** Puts this device's stored entries into the wire doc (they are opened like any), then joins. */
  private async fill(scope: WireScope): Promise<void> {
    const stored = await this.opts.store.loadEnvelopes(scope.key);
    for (const e of stored) scope.keep(e.envId, e.bytes);
    scope.doc.transact(() => {
      for (const e of stored) scope.map.set(e.envId, e.bytes);
    }, 'load');
    this.join(scope);
  }

  private join(scope: WireScope): void {
    const { transport, signaling, iceServers, relayOnly, cellId } = this.opts;
    if (!transport || signaling.length === 0) return;
    scope.room = transport.join(
      {
        roomName: deriveRoomName(
          scope.secrets.transportRoot,
          cellId,
          scope.epoch,
          scope.generation,
        ),
        password: scope.secrets.transportSecret,
        signaling,
        ...(iceServers ? { iceServers } : {}),
        ...(relayOnly ? { relayOnly } : {}),
      },
      scope.doc,
    );
  }

  // ---- incoming ------------------------------------------------------------------------

  private onWireChange(scope: WireScope, key: string): void {
    if (this.closed) return;
    const value = scope.map.get(key);
    const kept = scope.kept.get(key);
    if (kept && !(value instanceof Uint8Array && bytesEqual(value, kept))) {
      // Wire docs are append-only: a deleted or overwritten entry is put back from our store.
      this.diagnostics.reinserted++;
      queueMicrotask(() => {
        const now = scope.map.get(key);
        if (!this.closed && !(now instanceof Uint8Array && bytesEqual(now, kept)))
          scope.map.set(key, kept);
      });
      return;
    }
    const status = scope.status.get(key);
    if (status === undefined || status === 'retry') this.handleEntry(scope, key, value);
  }

  private handleEntry(scope: WireScope, key: string, value: unknown): void {
    const opened = openWireEntry(key, value, {
      cellId: this.opts.cellId,
      epoch: scope.epoch,
      contentKey: scope.secrets.contentKey,
      roster: this.opts.roster,
    });
    if (!opened.ok) {
      if (scope.status.get(key) !== 'retry') this.diagnostics.reject(opened.error);
      const retry =
        opened.decrypted && (opened.error === 'not_member' || opened.error === 'not_writer');
      scope.status.set(key, retry ? 'retry' : 'rejected');
      if (retry && value instanceof Uint8Array) this.persist(scope, key, value);
      return;
    }
    const env = opened.value;
    const bytes = value as Uint8Array;
    const authorHex = toHex(env.author);
    const docHex = toHex(env.docId);
    if (scope.isBeacon && env.kind !== ENVELOPE_KIND.rollover) {
      scope.status.set(key, 'rejected');
      this.diagnostics.reject('malformed');
      return;
    }
    const seenKey = `${authorHex}:${docHex}:${env.kind}:${env.seq}`;
    const prior = this.seen.get(seenKey);
    if (prior !== undefined && prior !== key) {
      scope.status.set(key, 'rejected');
      this.diagnostics.reject('equivocation');
      this.diagnostics.equivocators.add(authorHex);
      return;
    }
    scope.meta.set(key, { authorHex, docHex, kind: env.kind, seq: env.seq });
    this.persist(scope, key, bytes);
    if (prior === key) {
      // The same envelope again (a replay, or a re-publish into a new generation): nothing to do.
      this.diagnostics.duplicates++;
      scope.status.set(key, 'applied');
      this.afterEntry(scope, key);
      return;
    }
    this.seen.set(seenKey, key);
    scope.status.set(key, this.dispatch(scope, key, env));
    this.afterEntry(scope, key);
  }

  private dispatch(
    scope: WireScope,
    key: string,
    env: DecodedEnvelope,
  ): 'applied' | 'pending' | 'rejected' {
    switch (env.kind) {
      case ENVELOPE_KIND.update:
        return this.receiveUpdate(key, env);
      case ENVELOPE_KIND.snapshot:
        return this.receiveSnapshot(scope, env);
      case ENVELOPE_KIND.roster:
        this.opts.onRosterOp?.(env.body, env.author);
        this.diagnostics.applied++;
        return 'applied';
      case ENVELOPE_KIND.rollover:
        return this.receiveRollover(scope, env);
    }
  }

  private receiveUpdate(key: string, env: DecodedEnvelope): 'applied' | 'pending' | 'rejected' {
    const body = decodeUpdateBody(env.body);
    if (!body.ok) return this.rejected(body.error);
    const replica = this.replica(env.docId);
    const authorHex = toHex(env.author);
    const applied = replica.applied.get(authorHex) ?? 0;
    if (env.seq > applied + 1) {
      const evicted = this.pending.add(
        replica.docHex,
        authorHex,
        {
          envId: key,
          seq: env.seq,
          session: body.value.session,
          update: body.value.update,
          since: this.scheduler.now(),
        },
        this.scheduler.now(),
      );
      this.onEvicted(evicted);
      this.diagnostics.pending = this.pending.count;
      return 'pending';
    }
    const result = replica.applyUpdate(env.author, body.value.session, body.value.update);
    if (!result.ok) return this.rejected(result.error);
    this.diagnostics.applied++;
    if (env.seq > applied) replica.applied.set(authorHex, env.seq);
    this.drain(replica, env.author);
    this.touched(replica);
    return 'applied';
  }

  private receiveSnapshot(scope: WireScope, env: DecodedEnvelope): 'applied' | 'rejected' {
    const body = decodeSnapshotBody(env.body);
    if (!body.ok) return this.rejected(body.error);
    const replica = this.replica(env.docId);
    const result = replica.applySnapshot(body.value, (a) => this.opts.roster.knows(a));
    if (!result.ok) return this.rejected(result.error);
    this.diagnostics.applied++;
    for (const mark of body.value.covered) {
      const authorHex = toHex(mark.author);
      scope.raiseCoverage(replica.docHex, authorHex, mark.seq);
      if ((replica.applied.get(authorHex) ?? 0) < mark.seq)
        replica.applied.set(authorHex, mark.seq);
      // Updates the snapshot already covers are applied anyway (Yjs ignores what it has), so an
      // inflated coverage claim can delay nothing.
      for (const p of this.pending.takeUpTo(replica.docHex, authorHex, mark.seq)) {
        const r = replica.applyUpdate(mark.author, p.session, p.update);
        this.settlePending(p.envId, r.ok ? 'applied' : 'rejected', r.ok ? undefined : r.error);
      }
      this.drain(replica, mark.author);
    }
    this.touched(replica);
    return 'applied';
  }

  private receiveRollover(scope: WireScope, env: DecodedEnvelope): 'applied' | 'rejected' {
    const body = decodeRolloverBody(env.body);
    if (!body.ok) return this.rejected(body.error);
    const next = body.value.nextGeneration;
    if (next === BEACON_GENERATION || (!scope.isBeacon && next !== scope.generation + 1)) {
      return this.rejected('malformed_rollover');
    }
    this.diagnostics.applied++;
    if (scope.epoch === this.current.epoch && next > this.current.generation) this.moveTo(next);
    return 'applied';
  }

  /** Applies every waiting update of this author that is now next in line. */
  private drain(replica: DocReplica, author: Uint8Array): void {
    const authorHex = toHex(author);
    for (;;) {
      const next = (replica.applied.get(authorHex) ?? 0) + 1;
      const p = this.pending.take(replica.docHex, authorHex, next);
      if (!p) break;
      const r = replica.applyUpdate(author, p.session, p.update);
      replica.applied.set(authorHex, next);
      this.settlePending(p.envId, r.ok ? 'applied' : 'rejected', r.ok ? undefined : r.error);
    }
    this.diagnostics.pending = this.pending.count;
  }

  private settlePending(
    envId: string,
    status: 'applied' | 'rejected',
    reason?: Parameters<Diagnostics['reject']>[0],
  ): void {
    if (reason) this.diagnostics.reject(reason);
    else this.diagnostics.applied++;
    for (const scope of this.scopes.values()) {
      if (scope.status.get(envId) === 'pending') scope.status.set(envId, status);
    }
  }

  private onEvicted(envIds: readonly string[]): void {
    for (const envId of envIds) {
      this.diagnostics.reject('pending_evicted');
      for (const scope of this.scopes.values()) {
        if (scope.status.get(envId) !== 'pending') continue;
        // Forget it so a rescan opens it again once the gap may have filled.
        scope.status.delete(envId);
        const meta = scope.meta.get(envId);
        if (meta) this.seen.delete(`${meta.authorHex}:${meta.docHex}:${meta.kind}:${meta.seq}`);
      }
    }
  }

  private rejected<R extends Parameters<Diagnostics['reject']>[0]>(reason: R): 'rejected' {
    this.diagnostics.reject(reason);
    return 'rejected';
  }

  /** Re-opens entries that failed only for membership, or were evicted (roster change, reconnect). */
  rescan(): void {
    for (const scope of this.scopes.values()) {
      for (const [key, value] of scope.map.entries()) {
        const status = scope.status.get(key);
        if (status === undefined || status === 'retry') this.handleEntry(scope, key, value);
      }
    }
  }

  // ---- documents and local edits --------------------------------------------------------

  /** The content document `docId` (16 bytes), created on first use. */
  doc(docId: Uint8Array): Y.Doc {
    return this.replica(docId).doc;
  }

  /** Ids (hex) of every document this cell has seen. */
  docIds(): string[] {
    return Array.from(this.replicas.keys());
  }

  /** Called with a document's id (hex) whenever remote changes reach it. */
  onDocChange(listener: (docHex: string) => void): () => void {
    this.docListeners.add(listener);
    return () => this.docListeners.delete(listener);
  }

  private replica(docId: Uint8Array): DocReplica {
    const docHex = toHex(docId);
    const existing = this.replicas.get(docHex);
    if (existing) return existing;
    const replica = new DocReplica(docId.slice());
    this.replicas.set(docHex, replica);
    this.startSession(replica);
    const batcher = new UpdateBatcher(this.limits.batch, this.scheduler, (merged) =>
      this.publishUpdate(replica, merged),
    );
    this.batchers.set(docHex, batcher);
    replica.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== REMOTE_ORIGIN && origin !== this) batcher.push(update);
    });
    replica.doc.on('afterTransaction', () => {
      // Yjs picks a random clientID if it sees ours in a remote update; ours must stay derived.
      if (
        replica.doc.clientID !==
        clientIdFor(this.opts.me.signPk, replica.docId, this.local.sessions[docHex] ?? 0)
      ) {
        batcher.flush();
        this.startSession(replica);
      }
    });
    return replica;
  }

  private startSession(replica: DocReplica): void {
    const session = (this.local.sessions[replica.docHex] ?? 0) + 1;
    this.local.sessions[replica.docHex] = session;
    replica.claim(this.opts.me.signPk, session);
    replica.doc.clientID = clientIdFor(this.opts.me.signPk, replica.docId, session);
  }

  private publishUpdate(replica: DocReplica, update: Uint8Array): void {
    const session = this.local.sessions[replica.docHex] ?? 0;
    const seq = this.publish(
      replica.docId,
      ENVELOPE_KIND.update,
      encodeUpdateBody({ session, update }),
      this.current,
    );
    if (seq !== undefined) {
      const applied = replica.applied.get(this.meHex) ?? 0;
      if (seq === applied + 1) replica.applied.set(this.meHex, seq);
      this.touched(replica);
    }
  }

  /** Posts a roster op (issue 5's governance) as a `roster` envelope. */
  publishRosterOp(op: Uint8Array): void {
    this.publish(CELL_DOC_ID, ENVELOPE_KIND.roster, op, this.current);
  }

  /**
   * Seals and signs one envelope with the next seq, persists it with the seq counter in one
   * write, and only then inserts it into the wire doc: a crash can never make us reuse a seq.
   */
  private publish(
    docId: Uint8Array,
    kind: EnvelopeKind,
    body: Uint8Array,
    scope: WireScope,
  ): number | undefined {
    const docHex = toHex(docId);
    const counter = `${docHex}:${kind}`;
    const seq = (this.local.seqs[counter] ?? 0) + 1;
    const sealed = sealEnvelope({
      contentKey: scope.secrets.contentKey,
      cellId: this.opts.cellId,
      epoch: scope.epoch,
      kind,
      docId,
      author: this.opts.me,
      seq,
      time: this.scheduler.now(),
      body,
      ...(this.opts.nonce ? { nonce: this.opts.nonce() } : {}),
    });
    if (!sealed.ok) return undefined;
    this.local.seqs[counter] = seq;
    const { envId, bytes } = sealed.value;
    this.seen.set(`${this.meHex}:${docHex}:${kind}:${seq}`, envId);
    scope.status.set(envId, 'applied');
    scope.meta.set(envId, { authorHex: this.meHex, docHex, kind, seq });
    scope.keep(envId, bytes);
    const local = this.localState();
    this.enqueueWrite(async () => {
      await this.opts.store.saveEnvelopes(scope.key, [{ envId, bytes }], local);
      if (!this.closed) scope.map.set(envId, bytes);
      this.afterEntry(scope, envId);
    });
    return seq;
  }

  // ---- persistence ----------------------------------------------------------------------

  private localState(): LocalSyncState {
    return {
      seqs: { ...this.local.seqs },
      sessions: { ...this.local.sessions },
      scopes: [...this.local.scopes],
    };
  }

  private enqueueWrite(fn: () => Promise<void>): void {
    this.writes = this.writes.then(fn).catch((e: unknown) => {
      console.error('quire: sync store write failed', e instanceof Error ? e.message : 'unknown');
    });
  }

  /** Received entries are saved in batches; own entries are saved before they are published. */
  private persist(scope: WireScope, key: string, bytes: Uint8Array): void {
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
      for (const [scopeKeyStr, entries] of batches) {
        this.enqueueWrite(() => this.opts.store.saveEnvelopes(scopeKeyStr, entries));
      }
    });
  }

  private touched(replica: DocReplica): void {
    for (const l of this.docListeners) l(replica.docHex);
    const prior = this.checkpointTimers.get(replica.docHex);
    if (prior !== undefined) this.scheduler.clearTimeout(prior);
    this.checkpointTimers.set(
      replica.docHex,
      this.scheduler.setTimeout(() => this.checkpoint(replica), this.limits.checkpointMs),
    );
  }

  private checkpoint(replica: DocReplica): void {
    this.checkpointTimers.delete(replica.docHex);
    const cp = replica.checkpoint();
    this.enqueueWrite(() => this.opts.store.saveCheckpoint(replica.docHex, cp));
  }

  // ---- rollover ---------------------------------------------------------------------------

  private afterEntry(scope: WireScope, key: string): void {
    if (scope.rolledOverTo !== undefined) {
      const target = this.scopes.get(scopeKey(scope.epoch, scope.rolledOverTo));
      if (target) this.republishOne(scope, target, key);
    }
    if (
      scope !== this.current ||
      scope.rolledOverTo !== undefined ||
      this.rolloverTimer !== undefined
    )
      return;
    if (
      scope.kept.size < this.limits.rolloverEntries &&
      scope.keptBytes < this.limits.rolloverBytes
    )
      return;
    if (
      this.opts.roster.writeCheck(this.opts.me.signPk, scope.epoch, ENVELOPE_KIND.snapshot) !== 'ok'
    )
      return;
    const delay = Math.floor((this.opts.random ?? Math.random)() * this.limits.rolloverJitterMs);
    this.rolloverTimer = this.later(() => {
      this.rolloverTimer = undefined;
      void this.rollover(scope);
    }, delay);
  }

  /** Writes snapshots of every document into the next generation, then announces the move. */
  async rollover(scope: WireScope = this.current): Promise<void> {
    if (this.closed || scope !== this.current || scope.rolledOverTo !== undefined) return;
    for (const b of this.batchers.values()) b.flush();
    const next = await this.openScope(scope.epoch, scope.generation + 1);
    if (this.closed || scope !== this.current) return;
    for (const replica of this.replicas.values()) {
      const covered = Array.from(replica.applied, ([a, seq]) => ({
        author: fromHex(a) ?? new Uint8Array(),
        seq,
      }));
      const body = encodeSnapshotBody({
        claims: replica.allClaims(),
        covered,
        state: Y.encodeStateAsUpdate(replica.doc),
      });
      for (const m of covered) next.raiseCoverage(replica.docHex, toHex(m.author), m.seq);
      this.publish(replica.docId, ENVELOPE_KIND.snapshot, body, next);
    }
    const notice = encodeRolloverBody({ nextGeneration: next.generation });
    this.publish(CELL_DOC_ID, ENVELOPE_KIND.rollover, notice, scope);
    this.publish(CELL_DOC_ID, ENVELOPE_KIND.rollover, notice, this.beacon);
    this.moveTo(next.generation);
  }

  private moveTo(generation: number): void {
    const old = this.current;
    if (generation <= old.generation) return;
    const key = scopeKey(old.epoch, generation);
    const existing = this.scopes.get(key);
    const ready = existing ? Promise.resolve(existing) : this.openScope(old.epoch, generation);
    old.rolledOverTo = generation;
    void ready.then((next) => {
      if (this.closed) return;
      if (this.current.generation < generation) this.current = next;
      this.local.scopes = [...this.local.scopes.filter((k) => k !== key), key];
      void this.opts.store.saveLocal(this.localState());
      this.later(() => this.republish(old, next), this.limits.republishDelayMs);
      this.later(() => void this.retire(old), this.limits.drainMs);
    });
  }

  /** Copies what the new generation's snapshots do not cover (anyone's, signed by its author). */
  private republish(from: WireScope, to: WireScope): void {
    for (const key of from.kept.keys()) this.republishOne(from, to, key);
  }

  private republishOne(from: WireScope, to: WireScope, key: string): void {
    const meta = from.meta.get(key);
    const bytes = from.kept.get(key);
    if (!meta || !bytes || to.map.has(key) || this.closed) return;
    const carry =
      meta.kind === ENVELOPE_KIND.roster ||
      (meta.kind === ENVELOPE_KIND.update && meta.seq > to.covered(meta.docHex, meta.authorHex));
    if (!carry) return;
    this.diagnostics.republished++;
    to.map.set(key, bytes);
  }

  private async retire(scope: WireScope): Promise<void> {
    if (this.closed || scope === this.current) return;
    const target =
      scope.rolledOverTo !== undefined
        ? this.scopes.get(scopeKey(scope.epoch, scope.rolledOverTo))
        : undefined;
    if (target) this.republish(scope, target);
    scope.room?.close();
    this.scopes.delete(scope.key);
    scope.doc.destroy();
    this.local.scopes = this.local.scopes.filter((k) => k !== scope.key);
    const local = this.localState();
    this.enqueueWrite(async () => {
      await this.opts.store.saveLocal(local);
      await this.opts.store.dropScope(scope.key);
    });
    await this.writes;
  }

  private later(fn: () => void, ms: number): void {
    const handle = this.scheduler.setTimeout(() => {
      this.timers.delete(handle);
      if (!this.closed) fn();
    }, ms);
    this.timers.add(handle);
  }

  // ---- status and lifecycle ---------------------------------------------------------------

  status(): RoomStatus & { generation: number; unsynced: number } {
    const room = this.current.room?.status() ?? { signalingConnected: false, peers: 0 };
    let unsynced = 0;
    for (const b of this.batchers.values()) unsynced += b.size;
    return { ...room, generation: this.current.generation, unsynced };
  }

  /** Sends every held edit now and waits until it is persisted. */
  async flush(): Promise<void> {
    for (const b of this.batchers.values()) b.flush();
    await this.writes;
  }

  /** Flushes, checkpoints every document, leaves every room. */
  async close(): Promise<void> {
    if (this.closed) return;
    await this.flush();
    for (const replica of this.replicas.values()) this.checkpoint(replica);
    for (const h of this.checkpointTimers.values()) this.scheduler.clearTimeout(h);
    await this.writes;
    this.closed = true;
    for (const h of this.timers) this.scheduler.clearTimeout(h);
    if (this.rolloverTimer !== undefined) this.scheduler.clearTimeout(this.rolloverTimer);
    for (const b of this.batchers.values()) b.cancel();
    for (const scope of this.scopes.values()) {
      scope.room?.close();
      scope.doc.destroy();
    }
    for (const replica of this.replicas.values()) replica.doc.destroy();
  }

  /** The current wire doc's size (benchmarks and diagnostics). */
  wireStats(): { generation: number; entries: number; bytes: number } {
    return {
      generation: this.current.generation,
      entries: this.current.kept.size,
      bytes: this.current.keptBytes,
    };
  }
}
