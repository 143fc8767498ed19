import type { Roster } from '../roster/Roster.ts';
import type { Scheduler } from '../sync/Scheduler.ts';

/** How long the first coordinator in line waits before re-rotating, and how much each next one adds. */
export const RE_ROTATE_FIRST_MS = 3_000;
export const RE_ROTATE_STEP_MS = 60_000;
export const RE_ROTATE_JITTER_MS = 2_000;

export interface RotationDutyHooks {
  roster(): Roster;
  meHex: string;
  /** False once this device's member left the cell or the cell closed. */
  active(): boolean;
  rotate(): Promise<unknown>;
  scheduler: Scheduler;
  random: () => number;
}

/** The roster says the current key is not where it should be: a rotation is due. */
export const rotationDue = (r: Roster): boolean => r.rotationNeeded || r.keyMissing.length > 0;

/**
 * Re-rotates when the roster says the current epoch's key is held by someone who departed (a
 * removal whose rotate lost to a concurrent one, a leave, a rotate concurrent with a removal) or is
 * missing from a current member (admitted concurrently with a rotate). Every coordinator computes
 * the same order (by key), and the one at rank k acts only if the need is still there after
 * RE_ROTATE_FIRST_MS + k * RE_ROTATE_STEP_MS: the first online coordinator in line does it, the
 * others see its rotate and stand down. Two that act anyway make concurrent rotates: one counts,
 * the other's key is dropped by everyone (countedEpochKeys), and neither leaves the need behind.
 */
export class RotationDuty {
  private timer: unknown;
  private rotating = false;

  constructor(private readonly hooks: RotationDutyHooks) {}

  /** Called after every roster recomputation. */
  check(): void {
    const { hooks } = this;
    if (this.timer !== undefined || this.rotating || !hooks.active()) return;
    const roster = hooks.roster();
    const rank = coordinatorRank(roster, hooks.meHex);
    if (rank < 0 || !rotationDue(roster)) return;
    const jitter = Math.floor(hooks.random() * RE_ROTATE_JITTER_MS);
    const delay = RE_ROTATE_FIRST_MS + rank * RE_ROTATE_STEP_MS + jitter;
    this.timer = hooks.scheduler.setTimeout(() => void this.fire(), delay);
  }

  private async fire(): Promise<void> {
    this.timer = undefined;
    const { hooks } = this;
    const roster = hooks.roster();
    if (!hooks.active() || coordinatorRank(roster, hooks.meHex) < 0 || !rotationDue(roster)) return;
    this.rotating = true;
    try {
      await hooks.rotate();
    } finally {
      this.rotating = false;
    }
    this.check();
  }

  cancel(): void {
    if (this.timer !== undefined) this.hooks.scheduler.clearTimeout(this.timer);
    this.timer = undefined;
  }
}

/** This identity's place among the current coordinators ordered by key, or -1. */
export function coordinatorRank(roster: Roster, meHex: string): number {
  const coordinators = Array.from(roster.members)
    .filter(([, m]) => m.role === 'coordinator')
    .map(([hex]) => hex)
    .sort();
  return coordinators.indexOf(meHex);
}
