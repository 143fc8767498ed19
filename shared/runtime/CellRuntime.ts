import { bytesEqual, toHex } from '../crypto/bytes.ts';
import { deriveEpochSecrets, type EpochSecrets } from '../crypto/deriveEpochSecrets.ts';
import { decodeRosterOp } from '../roster/decodeRosterOp.ts';
import { openEpochWrap } from '../roster/openEpochWrap.ts';
import type { Roster } from '../roster/Roster.ts';
import { createRosterOp } from '../roster/createRosterOp.ts';
import type { RosterOpBody } from '../roster/RosterOp.ts';
import { CellSync } from '../sync/CellSync.ts';
import type { Scheduler } from '../sync/Scheduler.ts';
import type { SyncLimits } from '../sync/SyncLimits.ts';
import { SealedSyncStore } from '../sync/SealedSyncStore.ts';
import type { Transport } from '../transport/Transport.ts';
import { err, ok, type Result } from '../util/result.ts';
import type { SealedStore } from '../vault/SealedStore.ts';
import type { CellRecord } from './Keyring.ts';
import { RosterLog } from './RosterLog.ts';

export interface CellRuntimeOptions {
  readonly record: CellRecord;
  readonly sealed: SealedStore;
  readonly transport?: Transport;
  /** Persists an updated record (the keyring is one sealed row; the owner serialises writes). */
  readonly saveRecord: (record: CellRecord) => Promise<void>;
  readonly scheduler?: Scheduler;
  readonly limits?: Partial<SyncLimits>;
  /** Jitter source (seeded in simulations). */
  readonly random?: () => number;
}

export type CellState = 'active' | 'removed';

/**
 * One open cell for one member: its roster log, its epoch keys and its sync engine, kept in
 * step. When the roster rotates to an epoch whose key is wrapped to us, the key is stored and the
 * engine moves; when the roster says we were removed, the cell stops syncing.
 */
export class CellRuntime {
  readonly roster: RosterLog;
  private record: CellRecord;
  private readonly listeners = new Set<() => void>();
  private saving: Promise<void> = Promise.resolve();
  private stateValue: CellState = 'active';

  private constructor(
    private readonly opts: CellRuntimeOptions,
    public readonly sync: CellSync,
    roster: RosterLog,
  ) {
    this.record = opts.record;
    this.roster = roster;
  }

  static async open(opts: CellRuntimeOptions): Promise<CellRuntime> {
    const { record } = opts;
    const roster = new RosterLog(record.cellId, record.rosterOps);
    const secretsCache = new Map<number, EpochSecrets>();
    // Filled once the runtime exists: keys learnt from later rotations live in its record.
    const holder: { runtime?: CellRuntime } = {};
    const secretsFor = (epoch: number): EpochSecrets | undefined => {
      const cached = secretsCache.get(epoch);
      if (cached) return cached;
      const key = holder.runtime?.record.epochKeys.get(epoch) ?? record.epochKeys.get(epoch);
      if (!key) return undefined;
      const secrets = deriveEpochSecrets(key, record.cellId, epoch);
      secretsCache.set(epoch, secrets);
      return secrets;
    };
    const sync = await CellSync.open({
      cellId: record.cellId,
      me: record.identity,
      epoch: Math.max(...record.epochKeys.keys()),
      secretsFor,
      roster,
      store: new SealedSyncStore(opts.sealed, record.cellIdHex),
      ...(opts.transport ? { transport: opts.transport } : {}),
      signaling: record.signaling,
      iceServers: record.iceServers,
      relayOnly: record.relayOnly,
      ...(opts.scheduler ? { scheduler: opts.scheduler } : {}),
      ...(opts.limits ? { limits: opts.limits } : {}),
      ...(opts.random ? { random: opts.random } : {}),
      onRosterOp: (op) => roster.add(op),
    });
    const runtime = new CellRuntime(opts, sync, roster);
    holder.runtime = runtime;
    roster.onChange(() => void runtime.onRosterChange());
    await runtime.onRosterChange();
    return runtime;
  }

  get cellRecord(): CellRecord {
    return this.record;
  }

  get state(): CellState {
    return this.stateValue;
  }

  get me(): CellRecord['identity'] {
    return this.record.identity;
  }

  currentRoster(): Roster {
    return this.roster.roster();
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Signs an op with our identity over the current heads, applies it locally and publishes it. */
  publishOp(body: RosterOpBody): Result<{ opId: string; bytes: Uint8Array }, string> {
    const created = createRosterOp(
      this.record.cellId,
      this.record.identity,
      this.roster.heads(),
      body,
    );
    if (!created.ok) return err(created.error);
    this.roster.add(created.value.bytes);
    this.sync.publishRosterOp(created.value.bytes);
    return ok(created.value);
  }

  /** Updates the record (merged) and persists it through the keyring owner, in order. */
  update(
    patch: Partial<Omit<CellRecord, 'cellId' | 'cellIdHex' | 'identity' | 'kind'>>,
  ): Promise<void> {
    this.record = { ...this.record, ...patch };
    const snapshot = this.record;
    this.saving = this.saving.then(() => this.opts.saveRecord(snapshot)).catch(() => undefined);
    return this.saving;
  }

  private async onRosterChange(): Promise<void> {
    const roster = this.roster.roster();
    const meHex = toHex(this.record.identity.signPk);
    // A rotation to an epoch whose key is wrapped to us: keep the key, move the engine.
    const keys = new Map(this.record.epochKeys);
    for (const epoch of roster.epochs) {
      if (epoch.epoch === 0 || keys.has(epoch.epoch)) continue;
      const opBytes = this.roster.allOps().find((op) => {
        const d = decodeRosterOp(op);
        return d.ok && d.value.opId === epoch.rotateOpId;
      });
      const decoded = opBytes && decodeRosterOp(opBytes);
      if (!decoded?.ok || decoded.value.body.type !== 'rotate') continue;
      const opened = openEpochWrap(decoded.value.body, this.record.cellId, this.record.identity);
      if (opened.ok && opened.value.kind === 'member')
        keys.set(opened.value.epoch, opened.value.secret);
    }
    await this.update({
      rosterOps: this.roster.allOps(),
      ...(roster.cellName !== undefined ? { name: roster.cellName } : {}),
      ...(keys.size !== this.record.epochKeys.size ? { epochKeys: keys } : {}),
    });
    const newest = Math.max(...keys.keys());
    if (newest > this.sync.status().epoch) await this.sync.advanceEpoch(newest);
    const removed = roster.removed.has(meHex) || roster.left.has(meHex);
    if (removed && this.stateValue === 'active') this.stateValue = 'removed';
    for (const l of this.listeners) l();
  }

  /** True if `signPk` is our own identity. */
  isMe(signPk: Uint8Array): boolean {
    return bytesEqual(signPk, this.record.identity.signPk);
  }

  async close(): Promise<void> {
    await this.sync.close();
    await this.saving;
  }
}
