import { causalPast } from '../roster/causalPast.ts';
import type { NoticeSender } from './NoticeSender.ts';
import type { Roster } from '../roster/Roster.ts';

export interface RosterEchoInput {
  readonly roster: Roster;
  /** Every op held (their bytes by opId). */
  readonly ops: ReadonlyMap<string, Uint8Array>;
  /** Our epoch keys (they follow the counted rotates). */
  readonly keys: ReadonlyMap<number, Uint8Array>;
  /** Keys we opened from rotates, counted or not (rotate opId -> key). */
  readonly opened: ReadonlyMap<string, Uint8Array | null>;
  /** The epoch a rotate op opens, if we hold it. */
  readonly rotateEpoch: (opId: string) => number | undefined;
  readonly sender: NoticeSender;
}

interface Stranded {
  readonly epoch: number;
  readonly key: Uint8Array;
  readonly boxPk: Uint8Array;
  /** The member's admit: everything in its causal past came with the welcome. */
  readonly since: string;
}

/**
 * A member admitted concurrently with a rotate (or by a coordinator whose rotate lost) holds
 * only an older key, or one nobody else uses. The cell writes where they cannot read, so they
 * would never see the re-rotation that gives them the current key: coordinators post every op
 * the member did not get with its welcome, sealed to that member alone (a roster notice: others
 * in that room, a member removed since among them, learn nothing), into the wire doc it still
 * listens to (an older epoch's room in its grace period, or a parked one), and keep doing so for
 * later ops. Each op goes to each such member once per session of ours.
 */
export class RosterEcho {
  private readonly stranded = new Map<string, Stranded>();
  private readonly pasts = new Map<string, ReadonlySet<string>>();

  update(input: RosterEchoInput): void {
    const { roster } = input;
    for (const hex of roster.keyMissing) {
      const m = roster.members.get(hex);
      if (!m || this.stranded.has(hex)) continue;
      const target = this.targetFor(m.keyFrom, input);
      if (target) this.stranded.set(hex, { ...target, boxPk: m.boxPk, since: m.joinedAt });
    }
    for (const [hex, s] of this.stranded) {
      if (!roster.members.has(hex)) {
        this.stranded.delete(hex);
        continue;
      }
      const past = this.pastOf(s.since, input.ops);
      const fresh = Array.from(input.ops).filter(([opId]) => !past.has(opId));
      input.sender.send(s.epoch, s.key, { hex, boxPk: s.boxPk }, fresh);
    }
  }

  /** Where a member holding the key of `keyFrom` listens, if we are there too. */
  private targetFor(
    keyFrom: string,
    input: RosterEchoInput,
  ): { epoch: number; key: Uint8Array } | undefined {
    const counted = input.roster.epochs.find((e) => e.rotateOpId === keyFrom);
    if (counted) {
      const key = input.keys.get(counted.epoch);
      return key && { epoch: counted.epoch, key };
    }
    const key = input.opened.get(keyFrom);
    const epoch = input.rotateEpoch(keyFrom);
    return key && epoch !== undefined ? { epoch, key } : undefined;
  }

  private pastOf(opId: string, ops: ReadonlyMap<string, Uint8Array>): ReadonlySet<string> {
    let past = this.pasts.get(opId);
    if (!past) this.pasts.set(opId, (past = causalPast(opId, ops)));
    return past;
  }
}
