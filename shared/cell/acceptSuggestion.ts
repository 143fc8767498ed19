import type * as Y from 'yjs';
import type { ClientAuthors } from './ClientAuthors.ts';
import { settleSuggestions, type SuggestionTarget } from './settleSuggestions.ts';

/**
 * Accepts a suggestion (or all): a suggested insertion stays as ordinary text (its mark removed),
 * a suggested deletion is deleted. An ordinary edit, by whoever accepts. Returns how many.
 */
export const acceptSuggestion = (
  fragment: Y.XmlFragment,
  target: SuggestionTarget,
  authors: ClientAuthors,
): number =>
  settleSuggestions(fragment, target, authors, (kind) => (kind === 'insert' ? 'unmark' : 'delete'));
