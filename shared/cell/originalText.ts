import type * as Y from 'yjs';
import { isMarkOn, suggestionKindOf } from './suggestionMarks.ts';

/** True when a delta op's attributes hold a suggested insertion (under any key form). */
export const isSuggestedInsertion = (attributes: Record<string, unknown> | undefined): boolean =>
  Object.entries(attributes ?? {}).some(
    ([key, value]) => suggestionKindOf(key) === 'insert' && isMarkOn(value),
  );

/**
 * A text as it reads with every open suggestion left undecided: suggested insertions left out,
 * suggested deletions kept (they are still the text until someone accepts them). What an export
 * prints and `quire draft read` shows.
 */
export function originalText(text: Y.XmlText): string {
  let out = '';
  for (const op of text.toDelta() as { insert?: unknown; attributes?: Record<string, unknown> }[]) {
    if (typeof op.insert === 'string' && !isSuggestedInsertion(op.attributes)) out += op.insert;
  }
  return out;
}
