import type { MemberView } from '../session/CellSession.ts';

/**
 * How the UI names a member by key: their pseudonym, "you", or `unknown` when not in the roster.
 * A key someone re-keyed away from is still them (MemberView.formerKeys).
 */
export function memberName(
  members: readonly MemberView[],
  signPkHex: string,
  words: { readonly you: string; readonly unknown: string },
): string {
  const member = members.find(
    (m) => m.signPkHex === signPkHex || (m.formerKeys?.includes(signPkHex) ?? false),
  );
  if (!member) return words.unknown;
  return member.isMe ? words.you : member.pseudonym;
}
