import type { RosterState } from './RosterState.ts';

/** How two pseudonyms are compared: Unicode NFC, then lower case ("Zoé", "ZOE\u0301" are one). */
export const pseudonymKey = (pseudonym: string): string =>
  pseudonym.normalize('NFC').toLowerCase().normalize('NFC');

/**
 * Does a current member other than `self` already go by `pseudonym` (pseudonymKey)? Relays are
 * transport-only identities that write nothing under their name: they neither hold a name nor
 * are kept from one.
 */
export function pseudonymTaken(s: RosterState, pseudonym: string, self: string): boolean {
  const key = pseudonymKey(pseudonym);
  for (const [hex, m] of s.members) {
    if (hex !== self && m.role !== 'relay' && pseudonymKey(m.pseudonym) === key) return true;
  }
  return false;
}
