import type { Roster } from './Roster.ts';

/**
 * The keys `signPkHex` was re-keyed from, nearest first: the same person's earlier identities.
 * Content signed by any of them is theirs (show it under their current pseudonym).
 */
export function formerKeys(roster: Roster, signPkHex: string): string[] {
  const byNew = new Map<string, string>();
  for (const [from, to] of roster.rekeyed) byNew.set(to, from);
  const out: string[] = [];
  for (let k = byNew.get(signPkHex); k !== undefined && !out.includes(k); k = byNew.get(k))
    out.push(k);
  return out;
}
