/**
 * Suggestion mode's two marks, as y-prosemirror stores them on a draft's Y.XmlText: a format
 * attribute named after the mark (or `name--hash` for overlapping marks), whose value is the
 * mark's attrs `{ id }`. `id` only groups the characters of one proposal; it names nobody. Who
 * suggested is always the verified writer of a Yjs item (findSuggestions), never an attribute.
 */
export const SUGGEST_INSERT = 'suggestInsert';
export const SUGGEST_DELETE = 'suggestDelete';

export type SuggestionKind = 'insert' | 'delete';

/** A suggestion id the editor makes: 32 lowercase hex characters. */
const ID = /^[0-9a-f]{32}$/;

/** The suggestion kind a format attribute key stands for, or undefined (another mark). */
export function suggestionKindOf(key: string): SuggestionKind | undefined {
  const name = key.split('--')[0];
  if (name === SUGGEST_INSERT) return 'insert';
  if (name === SUGGEST_DELETE) return 'delete';
  return undefined;
}

/** The id in a suggestion mark's value; '' when it is missing or not one the editor makes. */
export function suggestionIdOf(value: unknown): string {
  if (typeof value !== 'object' || value === null) return '';
  const id = (value as { id?: unknown }).id;
  return typeof id === 'string' && ID.test(id) ? id : '';
}

/** True when a format attribute's value turns a suggestion mark on (Yjs ends one with null). */
export const isMarkOn = (value: unknown): boolean =>
  value !== null && value !== undefined && value !== false;
