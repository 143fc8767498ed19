import { causalPast } from '../roster/causalPast.ts';
import type { Roster } from '../roster/Roster.ts';
import type { NoticeSender } from './NoticeSender.ts';

export interface RosterFanoutInput {
  readonly roster: Roster;
  readonly meHex: string;
  /** Every op held (their bytes by opId). */
  readonly ops: ReadonlyMap<string, Uint8Array>;
  /** Our epoch keys (they follow the counted rotates). */
  readonly keys: ReadonlyMap<number, Uint8Array>;
  /** The epoch a rotate op opens, if it is a rotate we hold. */
  readonly rotateEpoch: (opId: string) => number | undefined;
  readonly sender: NoticeSender;
}

/**
 * Two coordinators who rotated at once can each go on under their own key for that epoch, each
 * side posting later ops only in its own rooms. If what decides which rotate counts (a removal
 * race, say) lies in those later ops, neither side ever learns the other's and the cell splits
 * for good. Both sides still share the rooms of the epoch before (joined for the grace period),
 * so while a rotate that does not count competes for an epoch, every coordinator posts there each
 * op beyond the counted rotate's causal past, sealed to each current member of its view (roster
 * notices: whoever else listens there, a member removed since, learns nothing).
 */
export class RosterFanout {
  update(input: RosterFanoutInput): void {
    const { roster } = input;
    const contested = new Set<number>();
    for (const r of roster.rejected) {
      const e = input.rotateEpoch(r.opId);
      if (e !== undefined && e >= 1) contested.add(Math.min(e, roster.epoch));
    }
    for (const e of contested) {
      const base = roster.epochs[e]?.rotateOpId;
      const key = input.keys.get(e - 1);
      if (!base || !key || e < 1) continue;
      const known = causalPast(base, input.ops);
      const beyond = Array.from(input.ops).filter(([id]) => !known.has(id));
      if (beyond.length === 0) continue;
      for (const [hex, m] of roster.members) {
        if (hex === input.meHex || m.role === 'relay') continue;
        input.sender.send(e - 1, key, { hex, boxPk: m.boxPk }, beyond);
      }
    }
  }
}
