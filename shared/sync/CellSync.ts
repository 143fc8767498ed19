import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { readerRootName } from '../cell/readerRoot.ts';
import { bytesEqual, fromHex, toHex } from '../crypto/bytes.ts';
import { deriveRoomName } from '../crypto/deriveEpochSecrets.ts';
import { ENVELOPE_KIND } from '../envelope/EnvelopeKind.ts';
import type { RoomStatus } from '../transport/Transport.ts';
import { TransportError } from '../transport/TransportError.ts';
import { seenKey, type CellContext } from './CellContext.ts';
import type { CellSyncOptions } from './CellSyncOptions.ts';
import { clientIdFor } from './clientIdFor.ts';
import { Diagnostics } from './Diagnostics.ts';
import { evictForeignRoots } from './evictJunk.ts';
import { DocReplica, REMOTE_ORIGIN } from './DocReplica.ts';
import { EntryReceiver } from './EntryReceiver.ts';
import { EpochFollower } from './EpochFollower.ts';
import { ForkVersions, type ForkVersion } from './ForkVersions.ts';
import { checkReaderUpdate } from './checkReaderUpdate.ts';
import { laterUpdates, mergedRanges, rebuildForked } from './rebuildForked.ts';
import { keepMemberNotice } from './keepMemberNotice.ts';
import { Generations } from './Generations.ts';
import { PendingUpdates } from './PendingUpdates.ts';
import { ReplacedDocs } from './ReplacedDocs.ts';
import { realScheduler } from './Scheduler.ts';
import { DEFAULT_SYNC_LIMITS, type SyncLimits } from './SyncLimits.ts';
import type { DocCheckpoint, WireEntry } from './SyncStore.ts';
import { SyncWriter } from './SyncWriter.ts';
import { UpdateBatcher } from './UpdateBatcher.ts';
import { WirePosts } from './WirePosts.ts';
import { encodeUpdateBody } from './updateBody.ts';
import { BEACON_GENERATION, WireScope, scopeKey } from './WireScope.ts';

export { CELL_DOC_ID, type CellSyncOptions } from './CellSyncOptions.ts';

/**
 * The sync engine of one cell for one member: every document of the cell travels as sealed,
 * signed envelopes in one wire doc per generation; what arrives is opened in DESIGN order and only
 * what passed reaches a document; local edits are batched; full wire docs roll over. Nothing
 * throws past it on bad input. Parts: EntryReceiver (incoming), SyncWriter (outgoing and storage),
 * Generations (rollover).
 */
export class CellSync {
  readonly diagnostics = new Diagnostics();
  private readonly ctx: CellContext;
  private readonly scopes = new Map<string, WireScope>();
  private current!: WireScope;
  private beacon!: WireScope;
  private readonly replicas = new Map<string, DocReplica>();
  private readonly batchers = new Map<string, UpdateBatcher>();
  /** Docs a fork heal replaced: typing into them still goes out; destroyed at close. */
  private readonly replaced = new ReplacedDocs();
  /** Versions of forked updates from verified proofs (how each forked document heals). */
  private readonly forkVersions = new ForkVersions((v) => this.admitsVersion(v));
  private readonly receiver: EntryReceiver;
  private writer!: SyncWriter;
  private generations!: Generations;
  private closed = false;
  private readonly docListeners = new Set<(docHex: string) => void>();
  private unsubscribeRoster: (() => void) | undefined;
  private epochs!: EpochFollower;
  private posts!: WirePosts;
  /** Why the transport refused to join our rooms, if it did (the cell is offline). */
  private joinRefused: 'relay_only_without_turn' | undefined;
  /** Relay-only required by the cell's state (requireRelay), whatever the device setting. */
  private relayRequired = false;
  private readonly scopeListeners = new Set<() => void>();

  private constructor(private readonly opts: CellSyncOptions) {
    const limits = { ...DEFAULT_SYNC_LIMITS, ...opts.limits };
    this.ctx = {
      opts,
      limits,
      scheduler: opts.scheduler ?? realScheduler,
      meHex: toHex(opts.me.signPk),
      diagnostics: this.diagnostics,
      scopes: this.scopes,
      pending: new PendingUpdates(
        limits.pendingMaxCount,
        limits.pendingMaxBytes,
        limits.pendingMaxAgeMs,
      ),
      seen: new Map(),
      replica: (docId) => this.replica(docId),
      holderOf: (envId) => {
        for (const r of this.replicas.values()) if (r.heldSnapshot(envId)) return r;
        return undefined;
      },
      current: () => this.current,
      closed: () => this.closed,
    };
    this.receiver = new EntryReceiver(this.ctx, {
      // A parked wire doc (under a dropped key) is read but never stored.
      persist: (scope, key, bytes) =>
        this.scopes.get(scope.key) === scope && this.writer.persist(scope, key, bytes),
      touched: (replica) => this.touched(replica),
      settled: (scope, key) => this.generations.settled(scope, key),
      moveTo: (generation) => this.generations.moveTo(generation),
      memberNotice: (scope, key, value) => {
        const kept = keepMemberNotice(this.ctx, scope, key, value);
        if (kept && this.scopes.get(scope.key) === scope) this.writer.persist(scope, key, kept);
      },
      forkProven: (sides, epochs) => {
        const docId = sides[0]?.docId;
        if (!docId || !this.forkVersions.add(sides, epochs)) return;
        queueMicrotask(() => this.heal(toHex(docId)));
      },
      forkedSeq: (authorHex, docHex) =>
        this.forkVersions.rules(docHex).find((r) => r.authorHex === authorHex)?.seq,
    });
  }

  /** Loads this device's state for the cell, replays stored envelopes and joins the rooms. */
  static async open(opts: CellSyncOptions): Promise<CellSync> {
    const sync = new CellSync(opts);
    await sync.load();
    return sync;
  }

  private async load(): Promise<void> {
    const { store, epoch } = this.opts;
    // One pass over the store: the sealed store decrypts each row once, not once per scope.
    const stored = await store.loadCell();
    this.writer = new SyncWriter(this.ctx, stored.local, (scope, key) =>
      this.generations.settled(scope, key),
    );
    this.generations = new Generations(this.ctx, this.writer, {
      openScope: (e, g) => this.openScope(e, g),
      setCurrent: (scope) => {
        this.current = scope;
        for (const l of this.scopeListeners) l();
      },
      beacon: () => this.beacon,
      flushEdits: () => this.batchers.forEach((b) => b.flush()),
      replicas: () => this.replicas.values(),
    });
    this.posts = new WirePosts(this.ctx, this.writer, () => this.epochs.parked);
    this.epochs = new EpochFollower(this.ctx, this.writer, this.generations, {
      openScope: (e, g) => this.openScope(e, g),
      setCurrent: (scope) => {
        this.current = scope;
        for (const l of this.scopeListeners) l();
      },
      beacon: () => this.beacon,
      setBeacon: (scope) => (this.beacon = scope),
      flushEdits: () => this.batchers.forEach((b) => b.flush()),
    });
    for (const [docHex, cp] of stored.checkpoints) {
      const docId = fromHex(docHex);
      if (docId?.length === 16) this.replica(docId, cp);
    }
    const epochOf = (key: string): number => Number(key.split(':')[0]);
    const held = this.writer.scopes.filter((k) => this.opts.secretsFor(epochOf(k)) !== undefined);
    // Envelopes of an older epoch whose key this device no longer holds (the history horizon
    // forgot it, and a crash came between deleting the rows and the key): deleted now.
    for (const key of stored.envelopes.keys())
      if (epochOf(key) < epoch && !this.opts.secretsFor(epochOf(key)))
        this.writer.enqueue(() => store.dropScope(key));
    const own = held.filter((k) => epochOf(k) === epoch);
    if (own.length === 0) held.push(scopeKey(epoch, 0));
    this.writer.setScopes(held);
    // Create every scope before loading any: stored entries may point from one to another.
    const created = held.map((key) => this.createScope(epochOf(key), Number(key.split(':')[1])));
    this.current = created
      .filter((s) => s.epoch === epoch)
      .reduce((a, b) => (b.generation > a.generation ? b : a));
    this.beacon = this.createScope(epoch, BEACON_GENERATION);
    for (const s of created) {
      if (s.epoch < epoch) s.superseded = true;
      else if (s !== this.current) s.rolledOverTo = this.current.generation;
    }
    for (const s of Array.from(this.scopes.values()))
      this.fill(s, stored.envelopes.get(s.key) ?? []);
    for (const s of created) {
      if (s.superseded) this.generations.graceThenRetire(s);
      else if (s.rolledOverTo !== undefined) this.generations.resume(s, this.current);
    }
    this.unsubscribeRoster = this.opts.roster.onChange(() => {
      this.receiver.rescan();
      // Which fork versions may heal follows the roster (admitsVersion): heal again where forked.
      for (const docHex of this.replicas.keys())
        if (this.forkVersions.rules(docHex).length > 0) queueMicrotask(() => this.heal(docHex));
    });
  }

  private async openScope(epoch: number, generation: number): Promise<WireScope> {
    // Its room may still be joined, parked under a key that is ours again (EpochFollower).
    const parked = this.epochs?.reclaim(epoch, generation);
    if (parked) return parked;
    const scope = this.createScope(epoch, generation);
    this.fill(scope, await this.opts.store.loadEnvelopes(scope.key));
    return scope;
  }

  private createScope(epoch: number, generation: number): WireScope {
    const secrets = this.opts.secretsFor(epoch);
    if (!secrets) throw new Error(`no secrets for epoch ${epoch}`);
    const scope = new WireScope(epoch, generation, secrets);
    if (this.opts.wireClientId) scope.doc.clientID = this.opts.wireClientId();
    this.scopes.set(scope.key, scope);
    scope.map.observe((event) => {
      for (const key of event.keysChanged as Set<string>) this.receiver.onWireChange(scope, key);
    });
    scope.doc.on('afterTransaction', (tr: Y.Transaction) => evictForeignRoots(this.ctx, scope, tr));
    return scope;
  }

  /** Puts this device's stored entries into the wire doc (they are opened like any), then joins. */
  private fill(scope: WireScope, stored: readonly WireEntry[]): void {
    for (const e of stored) scope.keep(e.envId, e.bytes);
    scope.doc.transact(() => {
      for (const e of stored) scope.map.set(e.envId, e.bytes);
    }, 'load');
    this.joinRoom(scope);
  }

  private joinRoom(scope: WireScope): void {
    const { transport, signaling, iceServers, cellId } = this.opts;
    if (!transport || signaling.length === 0 || this.closed) return;
    const relayOnly = this.opts.relayOnly === true || this.relayRequired;
    const config = {
      roomName: deriveRoomName(scope.secrets.transportRoot, cellId, scope.epoch, scope.generation),
      password: scope.secrets.transportSecret,
      signaling,
      ...(iceServers ? { iceServers } : {}),
      ...(relayOnly ? { relayOnly } : {}),
    };
    // Relay-only without a TURN server (from a settings change or a welcome) holds for every
    // room of the cell: it stays offline and says why, and never throws out of open. Any other
    // refusal is one room's (a rollover or a move then fails and is counted where it started).
    try {
      scope.room = transport.join(config, scope.doc);
      this.joinRefused = undefined;
    } catch (e) {
      if (!(e instanceof TransportError && e.code === 'relay_only_without_turn')) throw e;
      this.joinRefused = e.code;
    }
  }

  /**
   * Relay-only from now on, whatever the device setting said at open (a member who says they are
   * inside, or the cell's "nobody sees anybody's IP"): every open room is left and joined again
   * under it, so no further candidate but a relay one leaves the device. Without a TURN server
   * the rooms stay closed and status() says why. Idempotent.
   */
  requireRelay(): void {
    if (this.relayRequired || this.closed) return;
    this.relayRequired = true;
    if (this.opts.relayOnly === true) return;
    for (const scope of this.scopes.values()) {
      if (!scope.room) continue;
      scope.room.close();
      scope.room = undefined;
      this.joinRoom(scope);
    }
    for (const l of this.scopeListeners) l();
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

  /**
   * Who wrote a struct of `docId`: the verified author (signPk hex) of a Yjs clientID, from the
   * clientID claims (PROTOCOL §7), or undefined. Looked up on each call, so it also answers for
   * what arrives later. Content readers name authors with it (shared/cell ClientAuthors).
   */
  clientAuthors(docId: Uint8Array): (clientId: number) => string | undefined {
    const docHex = toHex(docId);
    return (clientId) => this.replicas.get(docHex)?.authorOf(clientId);
  }

  /** Called with a document's id (hex) whenever remote changes reach it. */
  onDocChange(listener: (docHex: string) => void): () => void {
    this.docListeners.add(listener);
    return () => this.docListeners.delete(listener);
  }

  /** The replica of `docId`, created on first use (from `checkpoint` when opening). */
  private replica(docId: Uint8Array, checkpoint?: DocCheckpoint, healed = false): DocReplica {
    const docHex = toHex(docId);
    const existing = this.replicas.get(docHex);
    if (existing) return existing;
    const replica = new DocReplica(docId.slice(), this.ctx.limits, {
      now: () => this.ctx.scheduler.now(),
      parkedDropped: (n) => {
        for (let i = 0; i < n; i++) this.diagnostics.reject('parked_dropped');
      },
      forked: () => this.forkedRanges(docHex),
      held: (authorHex) => this.receiver.quarantine.holds(authorHex, docHex),
      ownContentOnly: (author, epoch) =>
        this.opts.roster.ownContentOnly?.(author, epoch, ENVELOPE_KIND.update, docId) ?? false,
    });
    // Before any listener: Yjs encodes an update event only when someone listens for it.
    if (checkpoint) replica.restore(checkpoint);
    this.replicas.set(docHex, replica);
    // A proof that arrived before this document was opened here: the receive path strips every
    // forked version, so only the rebuild brings the canonical one in.
    if (!healed && this.forkVersions.rules(docHex).length > 0)
      queueMicrotask(() => this.heal(docHex));
    this.startSession(replica);
    const batcher = new UpdateBatcher(this.ctx.limits.batch, this.ctx.scheduler, (merged) =>
      this.publishUpdate(replica, merged),
    );
    this.batchers.set(docHex, batcher);
    replica.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === REMOTE_ORIGIN) return;
      batcher.push(update);
      // Typing into a doc a fork heal replaced (an editor not yet rebound) reaches the new one.
      const current = this.replicas.get(docHex);
      if (current && current !== replica) Y.applyUpdate(current.doc, update, REMOTE_ORIGIN);
    });
    replica.doc.on('afterTransaction', () => {
      // Yjs picks a random clientID if it sees ours in a remote update; ours must stay derived.
      // Compared with the session's cached id: no hashing on the keystroke path.
      if (replica.doc.clientID !== replica.ownClientId && this.replicas.get(docHex) === replica) {
        batcher.flush();
        this.startSession(replica);
      }
    });
    return replica;
  }

  private startSession(replica: DocReplica): void {
    const { signPk } = this.opts.me;
    const session = this.writer.nextSession(replica.docHex, (s) =>
      replica.claims.has(clientIdFor(signPk, replica.docId, s)),
    );
    replica.claim(this.opts.me.signPk, session);
    replica.ownClientId = clientIdFor(this.opts.me.signPk, replica.docId, session);
    replica.ownSession = session;
    replica.doc.clientID = replica.ownClientId;
  }

  private publishUpdate(from: DocReplica, update: Uint8Array): void {
    // The session of the doc it was typed in: a replaced doc's edits keep their clientID.
    const session = from.ownSession;
    const body = (prev: Uint8Array) => encodeUpdateBody({ session, prev, update });
    const seq = this.writer.publish(from.docId, ENVELOPE_KIND.update, body, this.current)?.seq;
    if (seq === undefined) return;
    const replica = this.replicas.get(from.docHex) ?? from;
    // Published all the same (a gap in our seqs would stall everything after it on every peer).
    const over = replica.checkOwn(update);
    if (over) this.diagnostics.ownOverBudget.set(replica.docHex, over);
    const meHex = this.ctx.meHex;
    if (seq === (replica.applied.get(meHex) ?? 0) + 1) replica.applied.set(meHex, seq);
    this.writer.scheduleCheckpoint(replica);
  }

  /** What a proven fork in `docHex` says a path must not merge (DocReplica.strip). */
  private forkedRanges(docHex: string) {
    const rules = this.forkVersions.rules(docHex);
    return rules.length === 0 ? undefined : mergedRanges(rules, (r) => r.forked);
  }

  /**
   * Rebuilds a forked document (rebuildForked) and swaps its replica: edits not yet sent go out
   * first (they are in the rebuilt state too), the new checkpoint is saved (until it is, the old
   * one stays, and a restart rebuilds again from it and the stored proofs), holders of the old
   * Y.Doc are told (onDocReplaced). Nothing happens when the state is already the rebuilt one.
   */
  /**
   * Whether a fork version may heal into its document: a heal merges the canonical version (and
   * the others' tails) directly, so each must pass what applying it would (a fork proof needs only
   * a known author): the write check at the epoch it was signed in and, for a reader let in by
   * the grant alone, the content rule (checkReaderUpdate). Judged whenever a rule is computed.
   */
  private admitsVersion(v: ForkVersion): boolean {
    const { roster } = this.opts;
    if (roster.writeCheck(v.author, v.epoch, ENVELOPE_KIND.update, v.docId) !== 'ok') return false;
    if (!roster.ownContentOnly?.(v.author, v.epoch, ENVELOPE_KIND.update, v.docId)) return true;
    const authorHex = toHex(v.author);
    const own = this.replicas.get(toHex(v.docId))?.ownClients(authorHex, v.client);
    return checkReaderUpdate(v.update, own ?? new Set([v.client]), readerRootName(authorHex)).ok;
  }

  private heal(docHex: string): void {
    const old = this.replicas.get(docHex);
    const rules = this.forkVersions.rules(docHex);
    if (this.closed || !old || rules.length === 0) return;
    const batcher = this.batchers.get(docHex);
    batcher?.flush();
    // The forked seq is the canonical version from now on: X's later updates chained onto another
    // version are a fork against it (refused), those chained onto it apply after a release.
    for (const r of rules) {
      const key = seenKey(r.authorHex, docHex, ENVELOPE_KIND.update, r.seq);
      if (this.ctx.seen.get(key)?.signed !== r.canonical.digest)
        this.ctx.seen.set(key, {
          envId: `canonical/${r.canonical.digest}`,
          signed: r.canonical.digest,
        });
    }
    const cp = old.checkpoint();
    const later = laterUpdates(this.ctx, docHex, rules);
    const rebuilt = rebuildForked(cp, rules, later.cut);
    if (bytesEqual(rebuilt.state, cp.state)) return;
    this.replaced.retire(old.doc, batcher);
    this.batchers.delete(docHex);
    this.replicas.delete(docHex);
    const fresh = this.replica(old.docId, rebuilt, true);
    this.diagnostics.forkHeals++;
    this.writer.checkpoint(fresh);
    later.reopen();
    this.replaced.replaced(docHex);
    for (const l of this.docListeners) l(docHex);
    this.receiver.rescan();
  }

  /**
   * Called with a document's id (hex) when its Y.Doc was replaced (a fork heal): whoever holds
   * the old one must take `doc(docId)` again. Typing into the old one still goes out meanwhile.
   */
  onDocReplaced(listener: (docHex: string) => void): () => void {
    return this.replaced.onReplaced(listener);
  }

  private touched(replica: DocReplica): void {
    for (const l of this.docListeners) l(replica.docHex);
    this.writer.scheduleCheckpoint(replica);
  }

  /** Posts a roster op (governance) as a `roster` envelope. */
  publishRosterOp(op: Uint8Array): void {
    this.posts.rosterOp(op);
  }

  /**
   * Posts roster ops (others' too: each stays signed by its author) as our roster envelopes into
   * the newest joined wire doc of `epoch` sealed under `contentKey` (PROTOCOL §11.2). False if
   * we are not joined there.
   */
  echoRosterOps(epoch: number, contentKey: Uint8Array, ops: readonly Uint8Array[]): boolean {
    return this.posts.rosterOpsInto(epoch, contentKey, ops);
  }

  /** Puts a roster notice sealed to one member where holders of (epoch, key) listen (§11.4). */
  publishMemberNotice(epoch: number, contentKey: Uint8Array, sealed: Uint8Array): boolean {
    return this.posts.memberNotice(epoch, contentKey, sealed);
  }

  /**
   * Puts a blind relay's rotation notice (its sealed wrap, relayNotice.ts) into the current wire
   * doc, persisted first like our own envelopes so a relay that comes later still finds it.
   */
  publishRelayNotice(sealed: Uint8Array): void {
    this.posts.relayNotice(sealed);
  }

  /**
   * As a coordinator: lets `authorHex`'s held writes in document `docHex` through, by a signed
   * release of every proof against them there (PROTOCOL §5.2). How many releases were posted.
   */
  releaseQuarantine(authorHex: string, docHex: string): number {
    const ids = this.receiver.quarantine.unreleased(authorHex, docHex);
    return this.posts.forkReleases(ids.map((proofId) => ({ authorHex, docHex, proofId })));
  }

  /** Re-opens entries that failed only for membership or were evicted from the pending buffer. */
  rescan(): void {
    this.receiver.rescan();
  }

  /**
   * Moves this member's writing to a new epoch (after a rotation): joins its first generation and
   * beacon, seeds it with snapshots where the new epoch holds less than we have, and keeps the old
   * epoch's rooms joined for the grace period so late writes and offline members still arrive.
   * Also leaves every wire doc whose epoch key changed under it (`secretsFor` now answers with
   * another key: a rotate we followed lost to a concurrent one) and re-opens writing on the right
   * key, even an older epoch's (EpochFollower).
   */
  advanceEpoch(epoch: number): Promise<void> {
    return this.epochs.follow(epoch);
  }

  /**
   * History horizon: leaves every room of an epoch below `epoch` (parked ones too) and deletes
   * their stored envelopes; resolves once the deletions are committed. Never the epoch written in.
   */
  async forgetEpochsBefore(epoch: number): Promise<void> {
    if (this.closed || this.current.epoch < epoch) return;
    this.epochs.leaveBefore(epoch);
    // Newest generation first: an older one then finds no generation left to copy forward into.
    const old = Array.from(this.scopes.values())
      .filter((s) => s.epoch < epoch)
      .sort((a, b) => b.generation - a.generation);
    for (const s of old) this.generations.retireNow(s);
    await this.writer.idle();
  }

  /** How long a superseded epoch's rooms stay joined for stragglers (SyncLimits.epochGraceMs). */
  epochGraceMs(): number {
    return this.ctx.limits.epochGraceMs;
  }

  /** Rolls the current wire doc over now (normally automatic past the thresholds). */
  rollover(): Promise<void> {
    return this.generations.rollover(this.current);
  }

  /** The current room's awareness and the keys presence blobs are sealed with (Presence). */
  presenceChannel(): { awareness: Awareness; epoch: number; presenceKey: Uint8Array } | undefined {
    const room = this.current.room;
    if (!room || this.closed) return undefined;
    return {
      awareness: room.awareness,
      epoch: this.current.epoch,
      presenceKey: this.current.secrets.presenceKey,
    };
  }

  /** Called when writes move to another wire doc (rollover, new epoch): presence re-binds. */
  onScopeChange(listener: () => void): () => void {
    this.scopeListeners.add(listener);
    return () => this.scopeListeners.delete(listener);
  }

  // ---- status and lifecycle ---------------------------------------------------------------

  status(): RoomStatus & {
    epoch: number;
    generation: number;
    unsynced: number;
    joinRefused: 'relay_only_without_turn' | undefined;
  } {
    const room = this.current.room?.status() ?? { signalingConnected: false, peers: 0 };
    let unsynced = 0;
    for (const b of this.batchers.values()) unsynced += b.size;
    const { epoch, generation } = this.current;
    return { ...room, epoch, generation, unsynced, joinRefused: this.joinRefused };
  }

  /** The bounds this engine and, by default, every member apply (receipt budgets among them). */
  get limits(): SyncLimits {
    return this.ctx.limits;
  }

  /** The current wire doc's size (benchmarks and diagnostics). */
  wireStats(): { generation: number; entries: number; bytes: number } {
    const { generation, kept, keptBytes } = this.current;
    return { generation, entries: kept.size, bytes: keptBytes };
  }

  /** Sends every held edit now and waits until it is persisted. */
  async flush(): Promise<void> {
    for (const b of this.batchers.values()) b.flush();
    this.replaced.flush();
    await this.writer.idle();
  }

  /** Flushes, checkpoints every document, leaves every room. */
  async close(): Promise<void> {
    if (this.closed) return;
    await this.flush();
    for (const replica of this.replicas.values()) this.writer.checkpoint(replica);
    await this.writer.idle();
    this.closed = true;
    this.unsubscribeRoster?.();
    this.generations.cancel();
    this.epochs.close();
    for (const b of this.batchers.values()) b.cancel();
    this.replaced.close();
    for (const scope of this.scopes.values()) {
      scope.room?.close();
      scope.doc.destroy();
    }
    for (const replica of this.replicas.values()) replica.doc.destroy();
  }
}
