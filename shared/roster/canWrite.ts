import type { Roster } from './Roster.ts';
import { roleAt } from './roleAt.ts';

/** May this identity write content at this epoch? Coordinators and members only (see roleAt). */
export function canWrite(roster: Roster, signPkHex: string, epoch: number): boolean {
  const role = roleAt(roster, signPkHex, epoch);
  return role === 'coordinator' || role === 'member';
}
