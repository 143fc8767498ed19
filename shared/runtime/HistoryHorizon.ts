import type * as Y from 'yjs';
import { cellIndexMaps } from '../cell/cellIndexMaps.ts';
import type { ClientAuthors } from '../cell/ClientAuthors.ts';
import { horizonAckValue, readHorizonAcks } from '../cell/readHorizonAcks.ts';
import { readHorizonPolicy, type HorizonPolicy } from '../cell/readHorizonPolicy.ts';
import { canWrite } from '../roster/canWrite.ts';
import { VERSION_WARNING_MS } from '../cell/dropOldVersions.ts';
import type { Roster } from '../roster/Roster.ts';
import type { Scheduler } from '../sync/Scheduler.ts';
import {
  coordinatorRank,
  RE_ROTATE_FIRST_MS,
  RE_ROTATE_JITTER_MS,
  RE_ROTATE_STEP_MS,
  rotationDue,
} from './RotationDuty.ts';

export const DAY_MS = 24 * 60 * 60 * 1000;
/** A member acknowledges this long after it started writing in a new epoch: after its top-up. */
export const HORIZON_ACK_DELAY_MS = 10_000;
/**
 * Old epochs are forgotten no sooner than this after this device moved: late writes still in
 * flight arrive, and a rival rotate that would change which key counts is seen first.
 */
export const HORIZON_SETTLE_MS = 10 * 60_000;
/** A scheduled rotation that did not happen (refused, offline) is tried again after this. */
const ROTATE_RETRY_MS = 10 * 60_000;
/** How often a writer deletes named versions past a days horizon. */
const VERSIONS_EVERY_MS = 60 * 60_000;
/** Timers never wait longer than this (setTimeout's range); the check simply runs again. */
const MAX_WAIT_MS = DAY_MS;

export interface HistoryHorizonHooks {
  roster(): Roster;
  readonly meHex: string;
  /** The cell index doc (followed across fork heals) and the verified authors of its structs. */
  readonly index: { readonly doc: Y.Doc; subscribe(listener: () => void): () => void };
  authors(): ClientAuthors;
  /** The epoch this device writes in now. */
  writingEpoch(): number;
  /** When this device started writing in its current epoch (CellRecord.epochSince). */
  since(): { readonly epoch: number; readonly at: number } | undefined;
  /** When this device first kept the horizon for the cell (CellRecord.horizonSince). */
  startedAt(): number | undefined;
  /** Epochs below this one are forgotten already (CellRecord.horizonFloor). */
  floor(): number;
  /** Forgets every epoch below `epoch`: rooms, stored envelopes, then keys. */
  forget(epoch: number): Promise<void>;
  rotate(): Promise<unknown>;
  /** Deletes every draft's named versions saved before `cutoff` (dropOldVersions); how many. */
  dropVersions(cutoff: number): number;
  /** Rolls the current wire doc over: its stored updates go, compacted snapshots stay. */
  compact(): Promise<void>;
  active(): boolean;
  readonly scheduler: Scheduler;
  readonly random: () => number;
  /** How long stragglers are waited for, as after a removal (SyncLimits.epochGraceMs). */
  readonly graceMs: number;
}

/**
 * The history horizon (issue 15 item 2): the cell's past is kept for N days, or until the next
 * issue is printed, and then forgotten by every device.
 *
 * - Rotation on schedule: a coordinator whose device has written in the current epoch for the
 *   horizon's days rotates the key (the coordinators in line as RotationDuty orders them, the one
 *   at rank k after k × 60 s; two that act at once make concurrent rotates, of which one counts).
 * - Acknowledgement: every member who may write, once it writes in the new epoch and has topped
 *   it up with snapshots of everything it holds (so its past is carried in compacted, garbage-
 *   collected state), writes "epoch:rotate" under its own key in the index doc's 'acks' map. The
 *   envelope carrying it is the member's signed update, and only the member's own write counts.
 * - Forgetting: once every current coordinator and member acknowledged the counted rotate (or the
 *   grace period of a removal passed: stragglers are treated as the removal flow treats them),
 *   and no rotation is due, each device leaves the older epochs' rooms, deletes their stored
 *   envelopes and then their keys, and never re-derives those keys from the roster again.
 * - Named versions (full copies of a body) saved before the horizon are deleted by any writer:
 *   hourly for a days horizon, and by the rotating coordinator just before it rotates (every
 *   version for "until the next issue"), so the new epoch's snapshots do not carry them.
 */
export class HistoryHorizon {
  private timer: unknown;
  private rotateTimer: unknown;
  private busy = false;
  private versionsDroppedAt = -Infinity;
  private rotateTriedAt = -Infinity;
  private readonly offIndex: () => void;

  constructor(private readonly hooks: HistoryHorizonHooks) {
    this.offIndex = hooks.index.subscribe(() => this.check());
  }

  policy(): HorizonPolicy {
    const roster = this.hooks.roster();
    return readHorizonPolicy(
      this.hooks.index.doc,
      this.hooks.authors(),
      (hex) => roster.members.get(hex)?.role === 'coordinator',
    );
  }

  /** Who acknowledged the current epoch's counted rotate, and who is still awaited. */
  progress(): { readonly acked: string[]; readonly waiting: string[] } {
    const roster = this.hooks.roster();
    const expected = this.expectedAck(roster);
    const acks = readHorizonAcks(this.hooks.index.doc, this.hooks.authors());
    const acked: string[] = [];
    const waiting: string[] = [];
    for (const hex of this.ackers(roster))
      (expected !== undefined && acks.get(hex) === expected ? acked : waiting).push(hex);
    return { acked, waiting };
  }

  /** Runs after every roster change, index doc change and timer. */
  check(): void {
    const { hooks } = this;
    if (!hooks.active() || this.busy) return;
    const roster = hooks.roster();
    const now = hooks.scheduler.now();
    const since = hooks.since();
    const settled = since !== undefined && since.epoch === roster.epoch;
    const age = settled ? now - since.at : 0;
    const waits: number[] = [];
    const expected = this.expectedAck(roster);
    const writing = hooks.writingEpoch() === roster.epoch;
    // Acknowledge: we write in the counted epoch and our top-up has run.
    if (
      expected !== undefined &&
      settled &&
      writing &&
      canWrite(roster, hooks.meHex, roster.epoch)
    ) {
      const acks = cellIndexMaps(hooks.index.doc).acks;
      if (age < HORIZON_ACK_DELAY_MS) waits.push(HORIZON_ACK_DELAY_MS - age);
      else if (acks.get(hooks.meHex) !== expected) acks.set(hooks.meHex, expected);
    }
    // Forget: everyone acknowledged (or stragglers ran out of time), nothing left to rotate.
    if (hooks.floor() < roster.epoch && settled && writing && !rotationDue(roster)) {
      const { waiting } = this.progress();
      const ready =
        waiting.length === 0 ? HORIZON_SETTLE_MS : Math.max(HORIZON_SETTLE_MS, hooks.graceMs);
      if (age < ready) waits.push(ready - age);
      else return void this.forget(roster.epoch);
    }
    const setting = this.policy().setting;
    // Named versions past a days horizon go (any writer does it: the deletion is an edit).
    if ('days' in setting && canWrite(roster, hooks.meHex, roster.epoch)) {
      if (this.warned(now) && now - this.versionsDroppedAt >= VERSIONS_EVERY_MS) {
        this.versionsDroppedAt = now;
        // The updates that saved them stay in this generation's stored envelopes: roll over.
        if (hooks.dropVersions(now - setting.days * DAY_MS) > 0) void hooks.compact();
      }
      waits.push(VERSIONS_EVERY_MS);
    }
    // Rotate on schedule: the horizon's days in this epoch have passed.
    const rank = coordinatorRank(roster, hooks.meHex);
    if ('days' in setting && settled && rank >= 0 && this.rotateTimer === undefined) {
      const due = Math.max(setting.days * DAY_MS - age, this.rotateTriedAt + ROTATE_RETRY_MS - now);
      if (due <= 0) {
        const jitter = Math.floor(hooks.random() * RE_ROTATE_JITTER_MS);
        const delay = RE_ROTATE_FIRST_MS + rank * RE_ROTATE_STEP_MS + jitter;
        this.rotateTimer = hooks.scheduler.setTimeout(() => void this.rotateIfDue(), delay);
      } else waits.push(due);
    }
    this.wake(waits);
  }

  /** "Rotate now" (coordinators), and the rotation "until the next issue is printed". */
  async rotateNow(): Promise<void> {
    const { hooks } = this;
    if (coordinatorRank(hooks.roster(), hooks.meHex) < 0) return;
    // Versions past the horizon go first, so that the new epoch's snapshots never carry them
    // (for "until the next issue", every version saved before the print).
    const setting = this.policy().setting;
    const now = hooks.scheduler.now();
    if ('issue' in setting) hooks.dropVersions(now);
    else if (this.warned(now)) hooks.dropVersions(now - setting.days * DAY_MS);
    this.versionsDroppedAt = now;
    await hooks.rotate();
    this.check();
  }

  /** An issue was printed: in a cell whose horizon is "until the next issue", the past goes. */
  async issuePrinted(): Promise<void> {
    if ('issue' in this.policy().setting) await this.rotateNow();
  }

  stop(): void {
    this.offIndex();
    this.hooks.scheduler.clearTimeout(this.timer);
    this.hooks.scheduler.clearTimeout(this.rotateTimer);
    this.timer = this.rotateTimer = undefined;
  }

  /** Versions may go: the versions panel could warn about them (not on a device just upgraded). */
  private warned(now: number): boolean {
    const started = this.hooks.startedAt();
    return started !== undefined && now - started >= VERSION_WARNING_MS;
  }

  /** The value this cell's acknowledgements must hold now, or undefined in epoch 0. */
  private expectedAck(roster: Roster): string | undefined {
    const counted = roster.epochs.find((e) => e.epoch === roster.epoch);
    return roster.epoch > 0 && counted
      ? horizonAckValue(roster.epoch, counted.rotateOpId)
      : undefined;
  }

  /** Who must acknowledge: everyone who may write (readers cannot write the index doc). */
  private ackers(roster: Roster): string[] {
    return Array.from(roster.members.keys()).filter((hex) => canWrite(roster, hex, roster.epoch));
  }

  private async rotateIfDue(): Promise<void> {
    this.rotateTimer = undefined;
    const { hooks } = this;
    const roster = hooks.roster();
    const since = hooks.since();
    const setting = this.policy().setting;
    if (!hooks.active() || coordinatorRank(roster, hooks.meHex) < 0 || !('days' in setting)) return;
    // Someone else in line rotated meanwhile: our device's epoch moved on, so the clock restarted.
    if (!since || since.epoch !== roster.epoch) return this.check();
    if (hooks.scheduler.now() - since.at < setting.days * DAY_MS) return this.check();
    this.rotateTriedAt = hooks.scheduler.now();
    await this.rotateNow();
  }

  private async forget(epoch: number): Promise<void> {
    this.busy = true;
    try {
      await this.hooks.forget(epoch);
      // "Until the next issue": versions saved before this epoch began go with its past (the
      // coordinator who rotated deleted them already; this catches any saved meanwhile).
      const since = this.hooks.since();
      const roster = this.hooks.roster();
      if ('issue' in this.policy().setting && since && canWrite(roster, this.hooks.meHex, epoch))
        this.hooks.dropVersions(since.at);
    } finally {
      this.busy = false;
    }
    this.check();
  }

  private wake(waits: readonly number[]): void {
    const { scheduler } = this.hooks;
    if (this.timer !== undefined) scheduler.clearTimeout(this.timer);
    this.timer = undefined;
    if (waits.length === 0) return;
    const ms = Math.min(MAX_WAIT_MS, ...waits);
    this.timer = scheduler.setTimeout(() => {
      this.timer = undefined;
      this.check();
    }, ms + 1);
  }
}
