import * as Y from 'yjs';
import type { ClientAuthors } from './ClientAuthors.ts';
import {
  isMarkOn,
  suggestionIdOf,
  suggestionKindOf,
  type SuggestionKind,
} from './suggestionMarks.ts';

/** A suggestion mark on a segment, with its verified author (undefined: not known). */
export interface SegmentMark {
  readonly kind: SuggestionKind;
  /** The format attribute key holding it (`suggestInsert`, or `suggestInsert--hash`). */
  readonly key: string;
  readonly id: string;
  readonly author: string | undefined;
}

/** One Yjs item's worth of a text: where it is, what it says, and its suggestion marks. */
export interface Segment {
  readonly index: number;
  readonly length: number;
  /** Its characters; an embed is U+FFFC, as Yjs counts it one. */
  readonly str: string;
  readonly marks: readonly SegmentMark[];
  /** Every suggestion key in force over it, counted as a suggestion above or not. */
  readonly keys: readonly string[];
}

/**
 * True when `char` was written by the client that wrote `format`: a suggested insertion's
 * characters are written with their mark (y-prosemirror writes the text, then formats it, in one
 * transaction). An insertion mark over anyone else's text (typed into it, or older text a mark
 * spread over when a concurrent edit removed its end, as Yjs formatting can) does not make that
 * text a suggestion, so rejecting never deletes it.
 */
const sameWriter = (char: Y.ID, format: Y.ID): boolean => char.client === format.client;

/**
 * A Y.XmlText item by item (deleted items skipped), with the suggestion marks in force at each.
 * Authors come from `authors` (the verified clientID binding), never from a mark's value: a
 * suggested insertion belongs to whoever wrote its characters (who also wrote its mark:
 * sameWriter); a suggested deletion to whoever wrote the ContentFormat item that switched the
 * mark on over them.
 */
export function suggestionSegments(text: Y.XmlText, authors: ClientAuthors): Segment[] {
  const open = new Map<string, { kind: SuggestionKind; id: string; format: Y.ID }>();
  const segments: Segment[] = [];
  let index = 0;
  for (let item = text._start; item !== null; item = item.right) {
    if (item.deleted) continue;
    const content = item.content;
    if (content instanceof Y.ContentFormat) {
      const kind = suggestionKindOf(content.key);
      if (kind === undefined) continue;
      if (isMarkOn(content.value))
        open.set(content.key, {
          kind,
          id: suggestionIdOf(content.value),
          format: item.id,
        });
      else open.delete(content.key);
      continue;
    }
    if (!item.countable) continue;
    const marks: SegmentMark[] = [];
    for (const [key, mark] of open) {
      if (mark.kind === 'insert' && !sameWriter(item.id, mark.format)) continue;
      const writer = mark.kind === 'insert' ? item.id.client : mark.format.client;
      marks.push({ kind: mark.kind, key, id: mark.id, author: authors(writer) });
    }
    const str = content instanceof Y.ContentString ? content.str : '\ufffc'.repeat(item.length);
    segments.push({ index, length: item.length, str, marks, keys: [...open.keys()] });
    index += item.length;
  }
  return segments;
}
