import type { Roster } from '../../shared/roster/Roster.ts';
import { formerKeys } from '../../shared/roster/formerKeys.ts';
import type { FormerMemberView } from './CellSession.ts';

/**
 * The roster's departed identities as the UI shows them: removed (by a coordinator, or for a
 * rekey conflict) or left, with the pseudonym they had. A key its holder re-keyed away from is
 * not a former member: it is the same person under new keys (MemberView.formerKeys).
 */
export function formerMembers(
  roster: Roster,
  colourOf: (hex: string, former: readonly string[]) => string,
): FormerMemberView[] {
  const out: FormerMemberView[] = [];
  for (const [signPkHex, d] of roster.departed) {
    if (d.kind === 'rekeyed') continue;
    const former = formerKeys(roster, signPkHex);
    out.push({
      signPkHex,
      pseudonym: d.pseudonym,
      colour: colourOf(signPkHex, former),
      kind: d.kind === 'left' ? 'left' : 'removed',
      formerKeys: former,
    });
  }
  return out.sort((a, b) => a.pseudonym.localeCompare(b.pseudonym));
}
