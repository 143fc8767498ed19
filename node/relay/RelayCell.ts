import { bytesEqual, fromHex, toHex } from '../../shared/crypto/bytes.ts';
import { deriveRoomName, deriveTransportSecrets } from '../../shared/crypto/deriveEpochSecrets.ts';
import type { CellRecord } from '../../shared/runtime/Keyring.ts';
import { isRelayNoticeKey } from '../../shared/sync/relayNotice.ts';
import { realScheduler, type Scheduler } from '../../shared/sync/Scheduler.ts';
import { BEACON_GENERATION } from '../../shared/sync/WireScope.ts';
import type { Transport } from '../../shared/transport/Transport.ts';
import type { SealedStore } from '../../shared/vault/SealedStore.ts';
import { isRelayableEntry } from './isRelayableEntry.ts';
import { openRelayNotice } from './openRelayNotice.ts';
import { DEFAULT_RELAY_LIMITS, type RelayLimits } from './RelayLimits.ts';
import { RelayScope, type RelayLine } from './RelayScope.ts';
import { RelayStore, type StoredLine } from './RelayStore.ts';

export interface RelayCellOptions {
  /** A relay record (kind 'relay': epochKeys hold transport roots). */
  readonly record: CellRecord;
  readonly sealed: SealedStore;
  /** Omit to only load and maintain (tests). */
  readonly transport?: Transport;
  readonly limits?: Partial<RelayLimits>;
  readonly scheduler?: Scheduler;
  /** One generic line per problem; never content, names or keys. */
  readonly onError?: (message: string) => void;
}

/** Counts only (the operator's view): nothing here tells content, names or members. */
export interface RelayStats {
  readonly lines: number;
  readonly rooms: number;
  readonly entries: number;
  readonly bytes: number;
  readonly junk: number;
  readonly reinserted: number;
  readonly overQuota: number;
  readonly evicted: number;
  readonly notices: number;
  readonly joinFailures: number;
}

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
  private readonly lines = new Map<string, RelayLine>();
  private readonly scopes = new Map<string, RelayScope>();
  private readonly counts = {
    junk: 0,
    reinserted: 0,
    overQuota: 0,
    evicted: 0,
    notices: 0,
    joinFailures: 0,
  };
  private timer: unknown;
  private saveTimer: unknown;
  private closed = false;

  private constructor(private readonly opts: RelayCellOptions) {
    this.limits = { ...DEFAULT_RELAY_LIMITS, ...opts.limits };
    this.scheduler = opts.scheduler ?? realScheduler;
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
      if (root) this.addLine(s.epoch, root, s.origin, s.addedAt, s.current, s.active);
    }
    for (const [epoch, root] of this.opts.record.epochKeys)
      if (!this.hasRoot(root)) this.addLine(epoch, root, 'welcome', now, 0, []);
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
    for (const line of Array.from(this.lines.values())) this.reconcile(line);
    this.saveState();
    this.scheduleMaintenance();
  }

  private hasRoot(root: Uint8Array): boolean {
    for (const l of this.lines.values()) if (bytesEqual(l.secrets.transportRoot, root)) return true;
    return false;
  }

  private addLine(
    epoch: number,
    root: Uint8Array,
    origin: RelayLine['origin'],
    addedAt: number,
    current: number,
    active: Iterable<readonly [number, number]>,
  ): RelayLine {
    const { cellId } = this.opts.record;
    const line: RelayLine = {
      id: deriveRoomName(root, cellId, epoch, BEACON_GENERATION),
      epoch,
      secrets: deriveTransportSecrets(root, cellId, epoch),
      origin,
      addedAt,
      current,
      active: new Map(active),
    };
    this.lines.set(line.id, line);
    return line;
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
    const opened = openRelayNotice(sealed, this.opts.record.cellId, this.opts.record.identity);
    if (!opened || opened.epoch !== line.epoch + 1 || this.hasRoot(opened.root)) return;
    const rivals = Array.from(this.lines.values()).filter((l) => l.epoch === opened.epoch);
    if (rivals.length >= this.limits.maxLinesPerEpoch) {
      // Someone who knows our box key posted candidates of their own: only an idle one makes way.
      const idle = rivals.find((l) => l.origin === 'notice' && l.active.size === 0);
      if (!idle) return;
      this.retireLine(idle);
    }
    const added = this.addLine(opened.epoch, opened.root, 'notice', this.scheduler.now(), 0, []);
    this.counts.notices++;
    this.saveStateLater();
    queueMicrotask(() => this.reconcile(added));
  }

  /** A line is superseded once a newer epoch has had entries: members have moved there. */
  private superseded(line: RelayLine): boolean {
    for (const l of this.lines.values()) if (l.epoch > line.epoch && l.active.size > 0) return true;
    return false;
  }

  /** Joins what the line needs (beacon, current, probes ahead, generations still draining) and leaves empty probes. */
  private reconcile(line: RelayLine): void {
    if (this.closed || this.lines.get(line.id) !== line) return;
    const wanted = new Set<number>([BEACON_GENERATION, line.current, ...line.active.keys()]);
    if (!this.superseded(line)) {
      // Each rollover posts at least one notice in the beacon: more notices than our generation
      // means the cell may be further ahead than one step.
      const beacon = this.scopes.get(`${line.id}/${BEACON_GENERATION}`);
      const behind = (beacon?.kept.size ?? 0) - line.current;
      const ahead = Math.min(this.limits.maxProbes, Math.max(1, behind));
      for (let i = 1; i <= ahead && line.current + i < BEACON_GENERATION; i++)
        wanted.add(line.current + i);
    }
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
    const newest = Array.from(this.lines.values())
      .filter((l) => !this.superseded(l))
      .reduce<RelayLine | undefined>((a, b) => (a && a.epoch >= b.epoch ? a : b), undefined);
    const age = (s: RelayScope): [number, number, number] => [
      this.superseded(s.line) ? 0 : 1,
      s.line.epoch,
      s.generation,
    ];
    const victims = Array.from(this.scopes.values())
      .filter(
        (s) =>
          s.kept.size > 0 && !s.isBeacon && !(s.line === newest && s.generation === newest.current),
      )
      .sort((a, b) => compareTuples(age(a), age(b)));
    for (const v of victims) {
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
    this.lines.delete(line.id);
    this.saveStateLater();
  }

  /** Leaves generations drained past drainMs and epochs quiet past epochGraceMs, deleting their entries. */
  maintain(): void {
    if (this.closed) return;
    const now = this.scheduler.now();
    for (const line of Array.from(this.lines.values())) {
      const last = Math.max(line.addedAt, ...line.active.values());
      if (this.superseded(line) && now - last > this.limits.epochGraceMs) {
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
    const lines: StoredLine[] = Array.from(this.lines.values(), (l) => ({
      epoch: l.epoch,
      root: toHex(l.secrets.transportRoot),
      origin: l.origin,
      addedAt: l.addedAt,
      current: l.current,
      active: Array.from(l.active)
        .sort(([a], [b]) => b - a)
        .slice(0, 64),
    }));
    this.store.saveState(lines);
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

function compareTuples(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] ?? 0) - (b[i] ?? 0);
  return 0;
}
