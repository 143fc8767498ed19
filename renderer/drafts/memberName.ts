import type { FormerMemberView, MemberView } from '../session/CellSession.ts';

/** A member or former member whose keys include `signPkHex` (a re-key keeps the person). */
const holds = (person: MemberView | FormerMemberView, signPkHex: string): boolean =>
  person.signPkHex === signPkHex || (person.formerKeys?.includes(signPkHex) ?? false);

/**
 * How the UI names a person by key: their pseudonym, "you", a former member's pseudonym marked
 * removed or left (`words.former`), or `unknown` when the roster never had them. A key someone
 * re-keyed away from is still them (MemberView.formerKeys).
 */
export function memberName(
  members: readonly MemberView[],
  signPkHex: string,
  words: {
    readonly you: string;
    readonly unknown: string;
    readonly former?: (pseudonym: string, kind: FormerMemberView['kind']) => string;
  },
  former: readonly FormerMemberView[] = [],
): string {
  const member = members.find((m) => holds(m, signPkHex));
  if (member) return member.isMe ? words.you : member.pseudonym;
  const gone = former.find((m) => holds(m, signPkHex));
  if (gone && words.former) return words.former(gone.pseudonym, gone.kind);
  return words.unknown;
}
