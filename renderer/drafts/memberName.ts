import type { MemberView } from '../session/CellSession.ts';

/** How the UI names a member by key: their pseudonym, "you", or `unknown` when not in the roster. */
export function memberName(
  members: readonly MemberView[],
  signPkHex: string,
  words: { readonly you: string; readonly unknown: string },
): string {
  const member = members.find((m) => m.signPkHex === signPkHex);
  if (!member) return words.unknown;
  return member.isMe ? words.you : member.pseudonym;
}
