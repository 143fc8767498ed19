import type * as Y from 'yjs';
import type { ClientAuthors } from './ClientAuthors.ts';
import { settleSuggestions, type SuggestionTarget } from './settleSuggestions.ts';

/**
 * Rejects a suggestion (or all): a suggested insertion is deleted, a suggested deletion stays as
 * ordinary text (its mark removed). An ordinary edit, by whoever rejects. Returns how many.
 */
export const rejectSuggestion = (
  fragment: Y.XmlFragment,
  target: SuggestionTarget,
  authors: ClientAuthors,
): number =>
  settleSuggestions(fragment, target, authors, (kind) => (kind === 'insert' ? 'delete' : 'unmark'));
