import type { Role } from './CellSession.ts';

/**
 * Whether the cell's blind relay can be reached right now (issue #7 status): true when a roster
 * member with role 'relay' is among the connected peers, false when the cell has a relay but none
 * of them is connected, undefined when the cell has no relay (nothing to report). A connected key
 * that is not a relay in the roster (a removed relay, a member) never counts.
 */
export function relayReachable(
  members: Iterable<{ readonly signPkHex: string; readonly role: Role }>,
  connected: ReadonlySet<string>,
): boolean | undefined {
  let hasRelay = false;
  for (const member of members) {
    if (member.role !== 'relay') continue;
    if (connected.has(member.signPkHex)) return true;
    hasRelay = true;
  }
  return hasRelay ? false : undefined;
}
