import type { Roster } from './Roster.ts';
import type { Role } from './RosterOp.ts';

/**
 * The role an identity holds for judging its writes at `epoch`: its current role for the current
 * epoch, its role when the next epoch opened for an earlier one (so a member removed during
 * epoch e is refused for all of e: its writes there cannot be told apart from writes made after
 * the removal). Undefined if it held none then, or for an epoch the roster does not know.
 */
export function roleAt(roster: Roster, signPkHex: string, epoch: number): Role | undefined {
  if (!Number.isInteger(epoch) || epoch < 0 || epoch > roster.epoch) return undefined;
  if (epoch === roster.epoch) return roster.members.get(signPkHex)?.role;
  return roster.epochs[epoch]?.rolesAtEnd?.get(signPkHex);
}
