import type * as Y from 'yjs';
import { fragmentTexts } from './fragmentTexts.ts';
import type { ClientAuthors } from './ClientAuthors.ts';
import type { SuggestionKind } from './suggestionMarks.ts';
import { suggestionSegments } from './suggestionSegments.ts';

/** Deeper nesting than any real document; a peer's deeper content is left out. */

/** One stretch of one Y.XmlText that a suggestion covers, where it is now. */
export interface SuggestionRange {
  readonly text: Y.XmlText;
  readonly index: number;
  readonly length: number;
  /** The format attribute key holding the mark. */
  readonly key: string;
}

/**
 * One open suggestion: the characters carrying one mark kind and id, suggested by one verified
 * author (undefined when the writer is not known to the sync engine).
 */
export interface Suggestion {
  readonly kind: SuggestionKind;
  readonly id: string;
  readonly author: string | undefined;
  /** The text proposed for insertion or deletion (its stretches joined). */
  readonly text: string;
  readonly ranges: readonly SuggestionRange[];
}

/** What singles a suggestion out: kind, mark id and verified author (an id alone can be copied). */
export type SuggestionKey = Pick<Suggestion, 'kind' | 'id' | 'author'>;

export const sameSuggestion = (a: SuggestionKey, b: SuggestionKey): boolean =>
  a.kind === b.kind && a.id === b.id && a.author === b.author;

interface Building {
  readonly kind: SuggestionKind;
  readonly id: string;
  readonly author: string | undefined;
  text: string;
  readonly ranges: SuggestionRange[];
}

/**
 * Every open suggestion in a draft body, in document order of their first character; touching
 * pieces of one suggestion in one text are joined into one range. Who suggested comes from the
 * verified clientID binding (suggestionSegments), never from the mark's attributes.
 */
export function findSuggestions(fragment: Y.XmlFragment, authors: ClientAuthors): Suggestion[] {
  const found = new Map<string, Building>();
  for (const text of fragmentTexts(fragment)) {
    for (const segment of suggestionSegments(text, authors)) {
      for (const mark of segment.marks) {
        const name = `${mark.kind} ${mark.id} ${mark.author ?? ''}`;
        let suggestion = found.get(name);
        if (!suggestion) {
          suggestion = { kind: mark.kind, id: mark.id, author: mark.author, text: '', ranges: [] };
          found.set(name, suggestion);
        }
        suggestion.text += segment.str;
        const { ranges } = suggestion;
        const last = ranges[ranges.length - 1];
        if (
          last &&
          last.text === text &&
          last.key === mark.key &&
          last.index + last.length === segment.index
        )
          ranges[ranges.length - 1] = { ...last, length: last.length + segment.length };
        else ranges.push({ text, index: segment.index, length: segment.length, key: mark.key });
      }
    }
  }
  return [...found.values()];
}
