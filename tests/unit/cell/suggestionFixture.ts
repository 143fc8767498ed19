import type * as Y from 'yjs';
import { SUGGEST_DELETE, SUGGEST_INSERT } from '../../../shared/cell/suggestionMarks.ts';

/** A suggestion id as the editor makes one (32 hex), from a small number. */
export const sid = (n: number): string => n.toString(16).padStart(32, '0');

/**
 * The attribute key y-prosemirror gives an overlapping mark: `name--` and 8 characters of a hash
 * of the mark; one key per suggestion, so concurrent marks never end one another.
 */
export const keyOf = (name: string, id: string): string => `${name}--${id.slice(-8)}`;

/**
 * Suggests inserting `str` at `index` as the editor does through y-prosemirror: the text is
 * inserted with the marks around it (typing inside a stretch keeps its marks), then formatted
 * with its own suggestInsert mark.
 */
export function suggestInsert(
  text: Y.XmlText,
  index: number,
  str: string,
  id: string,
  extra: Record<string, unknown> = {},
): void {
  text.doc?.transact(() => {
    text.insert(index, str);
    text.format(index, str.length, { [keyOf(SUGGEST_INSERT, id)]: { id, ...extra } });
  });
}

/** Suggests deleting `length` characters at `index`: a suggestDelete mark over them. */
export function suggestDelete(
  text: Y.XmlText,
  index: number,
  length: number,
  id: string,
  extra: Record<string, unknown> = {},
): void {
  text.format(index, length, { [keyOf(SUGGEST_DELETE, id)]: { id, ...extra } });
}
