import type * as Y from 'yjs';
import type { ClientAuthors } from './ClientAuthors.ts';
import { findSuggestions, sameSuggestion, type SuggestionKey } from './findSuggestions.ts';
import type { SuggestionKind } from './suggestionMarks.ts';
import { suggestionSegments } from './suggestionSegments.ts';

/** Which suggestions to settle: one (by kind, id and verified author), or all of them. */
export type SuggestionTarget = SuggestionKey | 'all';

/** What settling does to a suggestion's text: keep it (unmark) or delete it. */
export type Settle = (kind: SuggestionKind) => 'unmark' | 'delete';

/** Spans sorted and merged where they overlap or touch (a character holding two marks). */
function mergeSpans(spans: { from: number; to: number }[]): { from: number; to: number }[] {
  const merged: { from: number; to: number }[] = [];
  for (const span of [...spans].sort((a, b) => a.from - b.from)) {
    const last = merged[merged.length - 1];
    if (last && span.from <= last.to) last.to = Math.max(last.to, span.to);
    else merged.push({ ...span });
  }
  return merged;
}

/**
 * Where each of `keys` is in force in a text, whoever wrote the characters under it. Unmarking a
 * suggestion removes its mark from all of them: unmarking only its own characters would make Yjs
 * write "restore" markers for the rest, under the unmarking member's clientID, and her own text
 * there would then read as her suggestion. A mark's key is per suggestion id (y-prosemirror's
 * hash of the mark), so this touches another suggestion only if it copied the id, and removing
 * a mark only keeps text (or drops a proposed deletion), which any member may do anyway.
 */
function keySpans(
  text: Y.XmlText,
  keys: ReadonlySet<string>,
  authors: ClientAuthors,
): { key: string; from: number; to: number }[] {
  const spans: { key: string; from: number; to: number }[] = [];
  const open = new Map<string, { key: string; from: number; to: number }>();
  for (const segment of suggestionSegments(text, authors)) {
    for (const key of keys) {
      const span = open.get(key);
      if (!segment.keys.includes(key)) open.delete(key);
      else if (span && span.to === segment.index) span.to += segment.length;
      else {
        const next = { key, from: segment.index, to: segment.index + segment.length };
        spans.push(next);
        open.set(key, next);
      }
    }
  }
  return spans;
}

/**
 * Settles suggestions in one transaction, as an ordinary edit: each range is unmarked (its mark
 * set to null) or deleted; all unmarking comes first and deletions go from a text's end, so
 * indexes stay valid and overlapping ranges are cut once.
 * Found afresh in the body, so a suggestion that changed since it was shown settles as it is now.
 * Returns how many suggestions it settled.
 */
export function settleSuggestions(
  fragment: Y.XmlFragment,
  target: SuggestionTarget,
  authors: ClientAuthors,
  settle: Settle,
): number {
  const chosen = findSuggestions(fragment, authors).filter(
    (one) => target === 'all' || sameSuggestion(one, target),
  );
  if (chosen.length === 0) return 0;
  const unmark = new Map<Y.XmlText, Set<string>>();
  const cut = new Map<Y.XmlText, { from: number; to: number }[]>();
  for (const one of chosen) {
    for (const range of one.ranges) {
      if (settle(one.kind) === 'unmark') {
        unmark.set(range.text, (unmark.get(range.text) ?? new Set<string>()).add(range.key));
      } else {
        const list = cut.get(range.text) ?? [];
        list.push({ from: range.index, to: range.index + range.length });
        cut.set(range.text, list);
      }
    }
  }
  const run = (): void => {
    // Formatting moves no index: unmark first, then cut each text's merged spans from its end.
    for (const [text, keys] of unmark) {
      for (const span of keySpans(text, keys, authors))
        text.format(span.from, span.to - span.from, { [span.key]: null });
    }
    for (const [text, spans] of cut) {
      for (const span of mergeSpans(spans).reverse()) text.delete(span.from, span.to - span.from);
    }
  };
  if (fragment.doc) fragment.doc.transact(run);
  else run();
  return chosen.length;
}
