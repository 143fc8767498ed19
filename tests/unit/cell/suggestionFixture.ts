import * as Y from 'yjs';
import { SUGGEST_DELETE, SUGGEST_INSERT } from '../../../shared/cell/suggestionMarks.ts';

/** A suggestion id as the editor makes one (32 hex), from a small number. */
export const sid = (n: number): string => n.toString(16).padStart(32, '0');

/** Suggests inserting `str` at `index`, as y-prosemirror writes a suggestInsert mark. */
export function suggestInsert(
  text: Y.XmlText,
  index: number,
  str: string,
  id: string,
  extra: Record<string, unknown> = {},
): void {
  text.insert(index, str, { [SUGGEST_INSERT]: { id, ...extra } });
}

/** Suggests deleting `length` characters at `index`: a suggestDelete mark over them. */
export function suggestDelete(
  text: Y.XmlText,
  index: number,
  length: number,
  id: string,
  extra: Record<string, unknown> = {},
): void {
  text.format(index, length, { [SUGGEST_DELETE]: { id, ...extra } });
}
