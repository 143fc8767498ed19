import type { Suggestion } from '../../shared/cell/findSuggestions.ts';

/**
 * How `quire` names a suggestion: `i` or `d`, its mark id, and the first 16 hex characters of its
 * verified suggester's key (`?` when unknown), as `quire suggest list` prints it. The suggester
 * is part of it because a mark id alone can be copied by anyone.
 */
export const suggestionRef = (s: Suggestion): string =>
  `${s.kind === 'insert' ? 'i' : 'd'}:${s.id || '-'}:${s.author?.slice(0, 16) ?? '?'}`;

/** The suggestions a ref names (more than one only if two suggesters share a 64-bit prefix). */
export const byRef = (found: readonly Suggestion[], ref: string): Suggestion[] =>
  found.filter((s) => suggestionRef(s) === ref.trim().toLowerCase());
