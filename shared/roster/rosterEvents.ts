import type { RosterEvent } from './Roster.ts';
import type { RosterOp } from './RosterOp.ts';

/**
 * The membership log from the ops that counted, in replay order: the cell's creation, admits,
 * removals, leaves and role changes (invites, rotations, renames and rekeys are left out: they
 * change nobody's membership). Each names its signing author; an op that did not count is never
 * in `applied`, so nothing here is a claim the roster refused.
 */
export function rosterEvents(applied: readonly RosterOp[]): RosterEvent[] {
  const events: RosterEvent[] = [];
  for (const op of applied) {
    const { body, opId, authorHex } = op;
    const subjectHex = op.subjectHex ?? '';
    switch (body.type) {
      case 'genesis':
        events.push({ type: 'created', opId, authorHex });
        break;
      case 'admit':
        events.push({
          type: 'admitted',
          opId,
          authorHex,
          subjectHex,
          pseudonym: body.pseudonym,
          role: body.role,
          at: body.admittedAt,
        });
        break;
      case 'remove':
        events.push({ type: 'removed', opId, authorHex, subjectHex });
        break;
      case 'leave':
        events.push({ type: 'left', opId, authorHex, subjectHex: authorHex });
        break;
      case 'set-role':
        events.push({ type: 'role', opId, authorHex, subjectHex, role: body.role });
        break;
      default:
        break;
    }
  }
  return events;
}
