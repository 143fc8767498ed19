import { bytesEqual, fromHex } from '../../shared/crypto/bytes.ts';
import { deriveRoomName } from '../../shared/crypto/deriveEpochSecrets.ts';
import { RELAY_HELLO_FIELD, relayHello } from '../../shared/sync/relayHello.ts';
import { openRelayForget, RELAY_FORGET_BYTES } from '../../shared/sync/relayForget.ts';
import { isRelayNoticeKey } from '../../shared/sync/relayNotice.ts';
import { realScheduler, type Scheduler } from '../../shared/sync/Scheduler.ts';
import { BEACON_GENERATION } from '../../shared/sync/WireScope.ts';
import { evictionOrder } from './evictionOrder.ts';
import { isRelayableEntry } from './isRelayableEntry.ts';
import { openRelayNotice } from './openRelayNotice.ts';
import { DEFAULT_RELAY_LIMITS, type RelayLimits } from './RelayLimits.ts';
import { RelayLines } from './RelayLines.ts';
import { RelayScope, type RelayLine } from './RelayScope.ts';
import type { RelayCellOptions, RelayStats } from './RelayCellOptions.ts';
import { RelayStore } from './RelayStore.ts';
import { wantedGenerations } from './wantedGenerations.ts';

/**
 * The blind relay for one cell (docs/RELAY.md). It holds transport roots only: it joins the wire
 * doc rooms of every epoch it knows, keeps every well-formed entry it sees on disk (sealed in its
 * own vault) and in the doc, so whoever comes later gets them, and puts back deleted entries.
 * Blind to rollovers, it joins the current generation plus a few ahead and the epoch's beacon,
 * and moves on when a newer generation fills; a generation or epoch left quiet past the members'
 * drain or grace period is left and deleted; stored bytes are capped, oldest generations first.
 * Rotations reach it as notices sealed to its box key (shared/sync/relayNotice.ts).
 */
export class RelayCell {
  private readonly limits: RelayLimits;
  private readonly scheduler: Scheduler;
  private readonly store: RelayStore;
  private readonly lines: RelayLines;
  private readonly scopes = new Map<string, RelayScope>();
  private readonly counts = {
    junk: 0,
    reinserted: 0,
    overQuota: 0,
    evicted: 0,
    notices: 0,
    joinFailures: 0,
    forgetNotices: 0,
    forgetRefused: 0,
    forgotten: 0,
  };
  /** Forget notices proven by a line (by line id): the highest epoch asked for, and since when. */
  private readonly forgets = new Map<string, { below: number; at: number }>();
  private timer: unknown;
  private saveTimer: unknown;
  private closed = false;

  private constructor(private readonly opts: RelayCellOptions) {
    this.limits = { ...DEFAULT_RELAY_LIMITS, ...opts.limits };
    this.scheduler = opts.scheduler ?? realScheduler;
    this.lines = new RelayLines(opts.record.cellId);
    this.store = new RelayStore(
      opts.sealed,
      opts.record.cellIdHex,
      opts.onError ?? (() => undefined),
    );
  }

  static async open(opts: RelayCellOptions): Promise<RelayCell> {
    const cell = new RelayCell(opts);
    await cell.load();
    return cell;
  }

  private async load(): Promise<void> {
    const now = this.scheduler.now();
    for (const s of (await this.store.loadState()) ?? []) {
      const root = fromHex(s.root);
      if (root) this.lines.add(s.epoch, root, s.origin, s.addedAt, s.current, s.active);
    }
    for (const [epoch, root] of this.opts.record.epochKeys)
      if (!this.lines.hasRoot(root)) this.lines.add(epoch, root, 'welcome', now);
    for (const [scopeKey, entries] of await this.store.loadAll()) {
      const [lineId = '', generation = ''] = scopeKey.split('/');
      const line = this.lines.get(lineId);
      if (!line) {
        // Rows of a root the state no longer names cannot be served: reclaim the space.
        this.store.drop(
          scopeKey,
          entries.map((e) => e.envId),
        );
        continue;
      }
      const scope = this.ensureScope(line, Number(generation));
      for (const e of entries) if (isRelayableEntry(e.envId, e.bytes)) scope.keep(e.envId, e.bytes);
      scope.doc.transact(() => scope.kept.forEach((v, k) => scope.map.set(k, v)), 'load');
      // A notice stored just before a crash may never have reached the state row.
      for (const [k, v] of scope.kept)
        if (isRelayNoticeKey(k) && !scope.isBeacon) this.onNotice(line, v);
    }
    for (const line of this.lines.values()) this.reconcile(line);
    this.saveState();
    this.scheduleMaintenance();
  }

  private ensureScope(line: RelayLine, generation: number): RelayScope {
    const existing = this.scopes.get(`${line.id}/${generation}`);
    if (existing) return existing;
    const scope = new RelayScope(line, generation);
    this.scopes.set(scope.key, scope);
    scope.map.observe((event) => {
      for (const key of event.keysChanged as Set<string>) this.onWire(scope, key);
    });
    return scope;
  }

  private join(scope: RelayScope): void {
    const { transport, record } = this.opts;
    if (scope.room || scope.closed || !transport || record.signaling.length === 0) return;
    const { line } = scope;
    try {
      scope.room = transport.join(
        {
          roomName: deriveRoomName(
            line.secrets.transportRoot,
            record.cellId,
            line.epoch,
            scope.generation,
          ),
          password: line.secrets.transportSecret,
          signaling: record.signaling,
          iceServers: record.iceServers,
          relayOnly: record.relayOnly,
        },
        scope.doc,
      );
      // Lets members show "relay reachable" (PROTOCOL §6): a signed hello, nothing else.
      const { awareness } = scope.room;
      awareness.setLocalStateField(
        RELAY_HELLO_FIELD,
        relayHello(record.identity, record.cellId, awareness.clientID),
      );
    } catch {
      this.counts.joinFailures++;
    }
  }

  private onWire(scope: RelayScope, key: string): void {
    if (this.closed || scope.closed) return;
    const value = scope.map.get(key);
    const kept = scope.kept.get(key);
    if (kept) {
      if (value instanceof Uint8Array && bytesEqual(value, kept)) return;
      // Append-only, as for members: a deleted or overwritten entry is put back.
      this.counts.reinserted++;
      queueMicrotask(() => {
        const now = scope.map.get(key);
        if (!scope.closed && !(now instanceof Uint8Array && bytesEqual(now, kept)))
          scope.map.set(key, kept);
      });
      return;
    }
    if (value === undefined) return;
    if (!isRelayableEntry(key, value)) {
      this.counts.junk++;
      return;
    }
    if (!this.makeRoom(value.length, scope)) {
      this.counts.overQuota++;
      return;
    }
    scope.keep(key, value);
    this.store.put(scope.key, key, value);
    const { line } = scope;
    line.active.set(scope.generation, this.scheduler.now());
    if (isRelayNoticeKey(key) && !scope.isBeacon) this.onNotice(line, value);
    if (!scope.isBeacon && scope.generation > line.current) line.current = scope.generation;
    this.saveStateLater();
    // Not from inside this doc's observer: joining and leaving rooms happens just after.
    queueMicrotask(() => this.reconcile(line));
  }

  /** A rotation notice: if sealed to us for the next epoch, follow that epoch's root too. */
  private onNotice(line: RelayLine, sealed: Uint8Array): void {
    if (sealed.length === RELAY_FORGET_BYTES) return this.onForget(line, sealed);
    const opened = openRelayNotice(sealed, this.opts.record.cellId, this.opts.record.identity);
    if (!opened || opened.epoch !== line.epoch + 1 || this.lines.hasRoot(opened.root)) return;
    const rivals = this.lines.values().filter((l) => l.epoch === opened.epoch);
    if (rivals.length >= this.limits.maxLinesPerEpoch) {
      // Someone who knows our box key posted candidates of their own: only an idle one makes way.
      const idle = rivals.find((l) => l.origin === 'notice' && l.active.size === 0);
      if (!idle) return;
      this.retireLine(idle);
    }
    const added = this.lines.add(opened.epoch, opened.root, 'notice', this.scheduler.now());
    this.counts.notices++;
    this.saveStateLater();
    queueMicrotask(() => this.reconcile(added));
  }

  /**
   * A forget notice (shared/sync/relayForget.ts): proven with this line's root, it asks for every
   * epoch below `below` (≤ this line's epoch) to go. Noted here, acted on in maintain().
   */
  private onForget(line: RelayLine, bytes: Uint8Array): void {
    const { cellId } = this.opts.record;
    const below = openRelayForget(bytes, line.secrets.transportRoot, cellId, line.epoch);
    if (below === undefined) {
      this.counts.forgetRefused++;
      return;
    }
    const known = this.forgets.get(line.id);
    if (known && known.below >= below) return;
    this.forgets.set(line.id, { below, at: this.scheduler.now() });
    this.counts.forgetNotices++;
    // On time rather than at the next maintenance tick (which still retries if it cannot yet).
    this.scheduler.setTimeout(() => this.maintain(), this.limits.forgetDelayMs + 1);
  }

  /**
   * Forgets what notices asked for, where it is safe to: the proving line has been known with the
   * notice for forgetDelayMs and is the only line of its epoch (a root forged by someone who holds
   * an older one, through a made-up rotation notice, has the real one beside it once members
   * serve the real notice), and an epoch goes only once superseded and quiet for as long.
   */
  private applyForgets(now: number): void {
    const delay = this.limits.forgetDelayMs;
    for (const [id, { below, at }] of Array.from(this.forgets)) {
      const line = this.lines.get(id);
      if (!line) {
        this.forgets.delete(id);
        continue;
      }
      if (now - at < delay) continue;
      if (this.lines.values().some((l) => l !== line && l.epoch === line.epoch)) continue;
      let left = 0;
      for (const old of this.lines.values()) {
        if (old.epoch >= below) continue;
        if (this.lines.superseded(old) && now - this.lines.lastActivity(old) >= delay) {
          this.retireLine(old);
          this.counts.forgotten++;
        } else left++;
      }
      if (left === 0) this.forgets.delete(id);
    }
  }

  /** Joins what the line needs (wantedGenerations) and leaves probes that stayed empty. */
  private reconcile(line: RelayLine): void {
    if (this.closed || this.lines.get(line.id) !== line) return;
    const beacon = this.scopes.get(`${line.id}/${BEACON_GENERATION}`);
    const wanted = wantedGenerations(line, beacon?.kept.size ?? 0, this.limits.maxProbes);
    for (const g of wanted) this.join(this.ensureScope(line, g));
    for (const s of Array.from(this.scopes.values())) {
      if (s.line === line && !wanted.has(s.generation) && s.kept.size === 0) {
        s.close();
        this.scopes.delete(s.key);
      }
    }
  }

  /** Evicts the oldest generations until `bytes` more fit; false if they cannot (the entry is not stored). */
  private makeRoom(bytes: number, target: RelayScope): boolean {
    let total = 0;
    for (const s of this.scopes.values()) total += s.keptBytes;
    if (total + bytes <= this.limits.maxBytesPerCell) return true;
    const newest = this.lines.newest();
    const current = newest && this.scopes.get(`${newest.id}/${newest.current}`);
    for (const v of evictionOrder(this.scopes.values(), (l) => this.lines.superseded(l), current)) {
      if (v === target) return false; // what arrives is older than anything we could drop
      total -= v.keptBytes;
      this.retireScope(v);
      this.counts.evicted++;
      if (total + bytes <= this.limits.maxBytesPerCell) return true;
    }
    return false;
  }

  private retireScope(scope: RelayScope): void {
    scope.close();
    this.scopes.delete(scope.key);
    this.store.drop(scope.key, scope.kept.keys());
    scope.line.active.delete(scope.generation);
    this.saveStateLater();
  }

  private retireLine(line: RelayLine): void {
    for (const s of Array.from(this.scopes.values())) if (s.line === line) this.retireScope(s);
    this.lines.delete(line);
    this.saveStateLater();
  }

  /** Leaves generations drained past drainMs and epochs quiet past epochGraceMs, deleting their entries. */
  maintain(): void {
    if (this.closed) return;
    const now = this.scheduler.now();
    this.applyForgets(now);
    for (const line of this.lines.values()) {
      if (
        this.lines.superseded(line) &&
        now - this.lines.lastActivity(line) > this.limits.epochGraceMs
      ) {
        this.retireLine(line);
        continue;
      }
      for (const s of Array.from(this.scopes.values())) {
        if (s.line !== line || s.isBeacon || s.generation >= line.current) continue;
        const at = line.active.get(s.generation);
        if (at === undefined || now - at > this.limits.drainMs) this.retireScope(s);
      }
      this.reconcile(line);
    }
  }

  private scheduleMaintenance(): void {
    this.timer = this.scheduler.setTimeout(() => {
      this.maintain();
      if (!this.closed) this.scheduleMaintenance();
    }, this.limits.maintenanceMs);
  }

  private saveStateLater(): void {
    if (this.saveTimer !== undefined || this.closed) return;
    this.saveTimer = this.scheduler.setTimeout(() => {
      this.saveTimer = undefined;
      this.saveState();
    }, this.limits.saveStateMs);
  }

  private saveState(): void {
    this.store.saveState(this.lines.toStored());
  }

  stats(): RelayStats {
    let rooms = 0;
    let entries = 0;
    let bytes = 0;
    for (const s of this.scopes.values()) {
      if (s.room) rooms++;
      entries += s.kept.size;
      bytes += s.keptBytes;
    }
    return { lines: this.lines.size, rooms, entries, bytes, ...this.counts };
  }

  /** Leaves every room, saves the state, and waits until every write reached the store. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.scheduler.clearTimeout(this.timer);
    if (this.saveTimer !== undefined) this.scheduler.clearTimeout(this.saveTimer);
    for (const s of this.scopes.values()) s.close();
    this.saveState();
    await this.store.idle();
  }
}
