import { CELL_INDEX_DOC_ID } from '../cell/cellIndexDocId.ts';
import { bytesEqual, toHex } from '../crypto/bytes.ts';
import {
  deriveEpochSecrets,
  EPOCH_KEY_BYTES,
  type EpochSecrets,
} from '../crypto/deriveEpochSecrets.ts';
import { randomBytes } from '../crypto/randomBytes.ts';
import { decodeRosterOp } from '../roster/decodeRosterOp.ts';
import type { Roster } from '../roster/Roster.ts';
import { createRosterOp } from '../roster/createRosterOp.ts';
import type { RosterOpBody, RotateBody } from '../roster/RosterOp.ts';
import { sealEpochWraps, type WrapRecipient } from '../roster/sealEpochWraps.ts';
import { openMemberNotice } from '../sync/openMemberNotice.ts';
import { relayForgetNotice } from '../sync/relayForget.ts';
import { realScheduler } from '../sync/Scheduler.ts';
import { CellSync } from '../sync/CellSync.ts';
import type { Scheduler } from '../sync/Scheduler.ts';
import type { SyncLimits } from '../sync/SyncLimits.ts';
import { SealedSyncStore } from '../sync/SealedSyncStore.ts';
import type { Transport } from '../transport/Transport.ts';
import { err, ok, type Result } from '../util/result.ts';
import type { SealedStore } from '../vault/SealedStore.ts';
import { dropSpentBoxKeys } from './boxKeysToKeep.ts';
import { countedEpochKeys } from './countedEpochKeys.ts';
import { dropCellVersions } from './dropCellVersions.ts';
import { FollowedDoc } from './FollowedDoc.ts';
import { HistoryHorizon } from './HistoryHorizon.ts';
import type { CellRecord } from './Keyring.ts';
import { makeRebox, reboxDue } from './reboxSelf.ts';
import { RelayRequirement } from './RelayRequirement.ts';
import { ReaderCommentGrants } from './ReaderCommentGrants.ts';
import { readerComments } from './readerComments.ts';
import { RosterLog } from './RosterLog.ts';
import { RosterReach } from './RosterReach.ts';
import { RotationDuty, rotationDue } from './RotationDuty.ts';

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
  /** Roster changes are handled one at a time, in order. */
  private following: Promise<void> = Promise.resolve();
  /** rotate opId -> the key our wrap in it gives us (null: none): opened once per rotate. */
  private readonly opened = new Map<string, Uint8Array | null>();
  private readonly duty: RotationDuty;
  private readonly reach: RosterReach;
  /** Relay-only for a member inside, or cell-wide (issue 16 item 2). */
  readonly relay: RelayRequirement;
  /** Keeps the past for the cell's horizon, then forgets it (issue 15 item 2). */
  readonly horizon: HistoryHorizon;
  /** Whether readers may comment (issue 17), for the write check and the settings screen. */
  readonly readerComments: ReaderCommentGrants;
  private readonly scheduler: Scheduler;
  private closed = false;
  private awaitingWraps: number[] = [];
  /** The rotate (opId) whose epoch we last checked for a rebox: once per epoch and session. */
  private reboxedFor: string | undefined;
  private spentChecked: { readonly roster: Roster; readonly floor: number } | undefined;

  private constructor(
    private readonly opts: CellRuntimeOptions,
    public readonly sync: CellSync,
    roster: RosterLog,
    grants: ReaderCommentGrants,
  ) {
    this.record = opts.record;
    this.roster = roster;
    this.readerComments = grants;
    grants.bind({
      index: new FollowedDoc(sync, CELL_INDEX_DOC_ID),
      authors: () => sync.clientAuthors(CELL_INDEX_DOC_ID),
      roster: () => this.roster.roster(),
      meHex: toHex(opts.record.identity.signPk),
      writingEpoch: () => sync.status().epoch,
      active: () => !this.closed && this.stateValue === 'active',
    });
    this.relay = new RelayRequirement({
      sync,
      meHex: toHex(opts.record.identity.signPk),
      roster: () => this.roster.roster(),
      relayOnlySaved: () => this.record.relayOnly,
      saveRelayOnly: () => void this.update({ relayOnly: true }),
    });
    this.scheduler = opts.scheduler ?? realScheduler;
    this.horizon = new HistoryHorizon({
      roster: () => this.roster.roster(),
      meHex: toHex(opts.record.identity.signPk),
      // Followed across fork heals (released with the engine's docs at close).
      index: new FollowedDoc(sync, CELL_INDEX_DOC_ID),
      authors: () => sync.clientAuthors(CELL_INDEX_DOC_ID),
      writingEpoch: () => sync.status().epoch,
      since: () => this.record.epochSince,
      floor: () => this.record.horizonFloor ?? 0,
      startedAt: () => this.record.horizonSince,
      forget: (epoch) => this.forgetEpochsBefore(epoch),
      rotate: () => this.rotateKey(),
      dropVersions: (cutoff) => dropCellVersions(sync, cutoff, this.scheduler.now()),
      compact: () => sync.rollover(),
      active: () => !this.closed && this.stateValue === 'active',
      scheduler: this.scheduler,
      random: opts.random ?? Math.random,
      graceMs: sync.epochGraceMs(),
    });
    this.duty = new RotationDuty({
      roster: () => this.roster.roster(),
      meHex: toHex(opts.record.identity.signPk),
      active: () => !this.closed && this.stateValue === 'active',
      rotate: () => this.rotateKey(),
      scheduler: opts.scheduler ?? realScheduler,
      random: opts.random ?? Math.random,
    });
    this.reach = new RosterReach({
      cellId: opts.record.cellId,
      meHex: toHex(opts.record.identity.signPk),
      sync,
      log: roster,
      keys: () => this.record.epochKeys,
      opened: this.opened,
      rotateEpoch: (opId) => this.rotateBody(opId)?.newEpoch,
    });
  }

  static async open(opts: CellRuntimeOptions): Promise<CellRuntime> {
    const { record } = opts;
    // Rotates below the horizon's floor are held without their wraps (a record stored before
    // pruning existed, or a crash between forgetting keys and storing the pruned log).
    const roster = new RosterLog(record.cellId, record.rosterOps, record.horizonFloor ?? 0);
    // The write check per document kind: readers may write comments documents where granted.
    const grants = new ReaderCommentGrants();
    const secretsCache = new Map<number, { key: Uint8Array; secrets: EpochSecrets }>();
    // Filled once the runtime exists: keys learnt from later rotations live in its record, and a
    // key may be replaced when the rotate it came from lost to a concurrent one.
    const holder: { runtime?: CellRuntime } = {};
    const secretsFor = (epoch: number): EpochSecrets | undefined => {
      const keys = holder.runtime?.record.epochKeys ?? record.epochKeys;
      const key = keys.get(epoch);
      // A key the history horizon forgot leaves no derived secrets behind either.
      if (!key) return void secretsCache.delete(epoch);
      const cached = secretsCache.get(epoch);
      if (cached?.key === key) return cached.secrets;
      const secrets = deriveEpochSecrets(key, record.cellId, epoch);
      secretsCache.set(epoch, { key, secrets });
      return secrets;
    };
    const sync = await CellSync.open({
      cellId: record.cellId,
      me: record.identity,
      epoch: Math.max(...record.epochKeys.keys()),
      secretsFor,
      roster: readerComments(roster, grants),
      store: new SealedSyncStore(opts.sealed, record.cellIdHex),
      ...(opts.transport ? { transport: opts.transport } : {}),
      signaling: record.signaling,
      iceServers: record.iceServers,
      relayOnly: record.relayOnly,
      ...(opts.scheduler ? { scheduler: opts.scheduler } : {}),
      ...(opts.limits ? { limits: opts.limits } : {}),
      ...(opts.random ? { random: opts.random } : {}),
      onRosterOp: (op) => roster.add(op),
      // Ops a coordinator sealed to us because we could not read where the cell writes.
      // Sealed to our current box key, or (sent concurrently with our rebox) to a former one.
      onMemberNotice: (sealed) => {
        const now = holder.runtime?.record ?? record;
        for (const box of [now.identity, ...(now.formerBoxKeys ?? [])]) {
          const opened = openMemberNotice(sealed, record.cellId, box);
          if (opened.ok) return void roster.add(...opened.value);
        }
      },
    });
    const runtime = new CellRuntime(opts, sync, roster, grants);
    holder.runtime = runtime;
    roster.onChange(() => void runtime.followRoster());
    roster.onChange(() => runtime.relay.check());
    runtime.relay.check();
    await runtime.followRoster();
    return runtime;
  }

  /**
   * Epochs whose key we lack because every copy of their counted rotate we were given had its
   * wraps pruned (another device passed its history horizon before we picked the key up): we
   * wait for a copy that carries them, and meanwhile write in the newest epoch we hold.
   */
  epochsAwaitingWraps(): readonly number[] {
    return this.awaitingWraps;
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
      this.roster.heads(toHex(this.record.identity.signPk)),
      body,
    );
    if (!created.ok) return err(created.error);
    // Judged and capped like anyone's: an op our log refuses is not published, and says why.
    const offered = this.roster.offer(created.value.bytes, this.record.identity.signPk);
    if (offered.outcome !== 'held' && offered.outcome !== 'known')
      return err(offered.outcome, offered.reason);
    this.sync.publishRosterOp(created.value.bytes);
    return ok(created.value);
  }

  /**
   * Rotates to a new epoch key wrapped to every current identity (relays get the transport root
   * only, and a notice in the old epoch's wire doc, where they still listen), then moves our
   * writing there. If a concurrent rotate counts instead, followRoster replaces this key.
   */
  async rotateKey(): Promise<Result<number, string>> {
    // Our writing must be in the roster's epoch first: a rotate posted in a room the others
    // have already left would reach nobody.
    await this.following;
    const roster = this.currentRoster();
    const newEpoch = roster.epoch + 1;
    const key = randomBytes(EPOCH_KEY_BYTES);
    const recipients: WrapRecipient[] = Array.from(roster.members.values(), (m) => ({
      signPk: m.signPk,
      boxPk: m.boxPk,
      kind: m.role === 'relay' ? 'relay' : 'member',
    }));
    const wraps = sealEpochWraps(this.record.cellId, newEpoch, key, recipients);
    if (!wraps.ok) return err(wraps.error);
    const rotate = this.publishOp({ type: 'rotate', newEpoch, wraps: wraps.value });
    if (!rotate.ok) return rotate;
    for (const w of wraps.value) if (w.kind === 'relay') this.sync.publishRelayNotice(w.sealed);
    this.opened.set(rotate.value.opId, key);
    await this.followRoster();
    return ok(newEpoch);
  }

  /**
   * A removal (or leave) that is not effective yet: someone who departed still holds the current
   * key, or a member lacks it, until a coordinator's rotation counts (RotationDuty does it).
   */
  rotationPending(): boolean {
    return rotationDue(this.currentRoster());
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

  /** Serialised: roster changes arrive in bursts, and each handling awaits the engine. */
  private followRoster(): Promise<void> {
    // One failed step must not stop every later one: the chain always continues.
    this.following = this.following
      .then(() => this.onRosterChange())
      .catch((e: unknown) => {
        console.error('quire: following the roster failed', e instanceof Error ? e.stack : e);
      });
    return this.following;
  }

  private async onRosterChange(): Promise<void> {
    if (this.closed) return;
    const roster = this.roster.roster();
    const meHex = toHex(this.record.identity.signPk);
    const pruned = new Set<number>();
    const keys = countedEpochKeys({
      roster,
      cellId: this.record.cellId,
      identity: this.record.identity,
      formerBoxKeys: this.record.formerBoxKeys ?? [],
      held: this.record.epochKeys,
      rotateBody: (opId) => this.rotateBody(opId),
      opened: this.opened,
      floor: this.record.horizonFloor ?? 0,
      pruned,
    });
    this.awaitingWraps = [...pruned].sort((a, b) => a - b);
    const keysChanged =
      keys.size !== this.record.epochKeys.size ||
      Array.from(keys).some(([e, k]) => this.record.epochKeys.get(e) !== k);
    const replaced = Array.from(this.record.epochKeys)
      .filter(([e, k]) => keys.get(e) !== k)
      .map(([e]) => e);
    await this.update({
      rosterOps: this.roster.allOps(),
      ...(roster.cellName !== undefined ? { name: roster.cellName } : {}),
      ...(keysChanged ? { epochKeys: keys } : {}),
    });
    // Write in the roster's epoch if we hold its key, else in the newest one we do hold.
    const usable = Array.from(keys.keys()).filter((e) => e <= roster.epoch);
    const target = keys.has(roster.epoch) ? roster.epoch : Math.max(0, ...usable);
    const writingIn = this.sync.status().epoch;
    if (!this.closed) await this.sync.advanceEpoch(target);
    const nowWriting = this.sync.status().epoch;
    const moved = nowWriting !== writingIn;
    if (moved) replaced.push(target);
    // The horizon's clock: when this device started writing in its epoch.
    if (this.record.epochSince?.epoch !== nowWriting)
      await this.update({ epochSince: { epoch: nowWriting, at: this.scheduler.now() } });
    if (this.record.horizonSince === undefined)
      await this.update({ horizonSince: this.scheduler.now() });
    // Out of the roster: removed, left, or our key re-keyed on another device.
    const removed = !roster.members.has(meHex) && roster.genesisId !== undefined;
    const coordinator = roster.members.get(meHex)?.role === 'coordinator';
    if (!this.closed) this.reach.afterChange(roster, replaced, coordinator);
    if (removed && this.stateValue === 'active') this.stateValue = 'removed';
    if (removed) this.duty.cancel();
    else this.duty.check();
    if (removed) this.horizon.stop();
    else this.horizon.check();
    this.readerComments.check();
    if (!removed && nowWriting === roster.epoch && keys.has(roster.epoch)) await this.rebox(roster);
    await this.dropSpentBoxKeys();
    for (const l of this.listeners) l();
  }

  /**
   * Our box key changes once per epoch (reboxSelf.ts): the record with the new secret is saved
   * before the op leaves the device. A rebox our log refuses keeps both keys (nothing is lost).
   */
  private async rebox(roster: Roster): Promise<void> {
    const rotateOpId = roster.epochs[roster.epochs.length - 1]?.rotateOpId;
    if (this.closed || rotateOpId === undefined || this.reboxedFor === rotateOpId) return;
    this.reboxedFor = rotateOpId;
    if (!reboxDue(this.record, roster, this.roster.byId())) return;
    const me = toHex(this.record.identity.signPk);
    const made = makeRebox(this.record, this.roster.heads(me), this.roster.allOps());
    if (!made.ok) return;
    await this.replaceRecord(made.value.record);
    const offered = this.roster.offer(made.value.op.bytes, this.record.identity.signPk);
    if (offered.outcome === 'held' || offered.outcome === 'known')
      this.sync.publishRosterOp(made.value.op.bytes);
  }

  /** Box secrets that open nothing this device has not forgotten are destroyed (boxKeysToKeep.ts). */
  private async dropSpentBoxKeys(): Promise<void> {
    if (!this.record.formerBoxKeys?.length && !this.record.retired?.some((r) => r.boxSk)) return;
    // The answer changes only with the roster (recomputed on a change of ops) or the floor.
    const roster = this.roster.roster();
    const floor = this.record.horizonFloor ?? 0;
    if (this.spentChecked?.roster === roster && this.spentChecked.floor === floor) return;
    this.spentChecked = { roster, floor };
    const next = dropSpentBoxKeys(this.record, roster, this.roster.byId());
    if (next) await this.replaceRecord(next);
  }

  private replaceRecord(record: CellRecord): Promise<void> {
    this.record = record;
    this.saving = this.saving.then(() => this.opts.saveRecord(record)).catch(() => undefined);
    return this.saving;
  }

  /**
   * The history horizon passed every epoch below `epoch`: its rooms are left and its stored
   * envelopes deleted first (committed), then its keys leave the keyring together with the wraps
   * of the rotates that opened them (RosterLog.pruneBelow), and the floor keeps countedEpochKeys
   * from opening a key below it again.
   */
  private async forgetEpochsBefore(epoch: number): Promise<void> {
    await this.sync.forgetEpochsBefore(epoch);
    if (this.closed) return;
    // Blind relays keep old epochs for their grace period unless told, with a proof that only
    // a holder of this epoch's transport root can make (relayForget.ts).
    const key = this.record.epochKeys.get(epoch);
    const hasRelay = Array.from(this.roster.roster().members.values()).some(
      (m) => m.role === 'relay',
    );
    if (key && hasRelay) {
      const { transportRoot } = deriveEpochSecrets(key, this.record.cellId, epoch);
      const notice = relayForgetNotice(transportRoot, this.record.cellId, epoch, epoch);
      if (notice && this.sync.status().epoch === epoch) this.sync.publishRelayNotice(notice);
    }
    for (const [opId] of this.opened) {
      const e = this.rotateBody(opId)?.newEpoch;
      if (e !== undefined && e < epoch) this.opened.delete(opId);
    }
    const keys = new Map(Array.from(this.record.epochKeys).filter(([e]) => e >= epoch));
    // The rotates that opened the forgotten epochs lose their wraps: our box key would open
    // them again otherwise (their signatures cover a digest, so they still verify and apply).
    this.roster.pruneBelow(epoch);
    await this.update({ epochKeys: keys, horizonFloor: epoch, rosterOps: this.roster.allOps() });
    await this.dropSpentBoxKeys();
    // The deleted envelopes and the older keyrings (old epoch keys, spent box secrets) are still
    // in the adapter's files (a log's superseded records, LevelDB's old tables) until those are
    // rewritten: now, not some day.
    await this.opts.sealed.purgeResidue().catch(() => undefined);
    for (const l of this.listeners) l();
  }

  private rotateBody(opId: string): RotateBody | undefined {
    const bytes = this.roster.get(opId);
    const decoded = bytes && decodeRosterOp(bytes);
    return decoded?.ok && decoded.value.body.type === 'rotate' ? decoded.value.body : undefined;
  }

  /** True if `signPk` is our own identity. */
  isMe(signPk: Uint8Array): boolean {
    return bytesEqual(signPk, this.record.identity.signPk);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.duty.cancel();
    this.horizon.stop();
    this.relay.stop();
    this.readerComments.stop();
    await this.following;
    await this.sync.close();
    await this.saving;
  }
}
