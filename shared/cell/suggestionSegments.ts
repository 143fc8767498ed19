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
}

/**
 * A Y.XmlText item by item (deleted items skipped), with the suggestion marks in force at each.
 * Authors come from `authors` (the verified clientID binding), never from a mark's value: a
 * suggested insertion belongs to whoever wrote its characters (the item's clientID); a suggested
 * deletion to whoever wrote the ContentFormat item that switched the mark on over them.
 */
export function suggestionSegments(text: Y.XmlText, authors: ClientAuthors): Segment[] {
  const open = new Map<string, { kind: SuggestionKind; id: string; formatClient: number }>();
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
          formatClient: item.id.client,
        });
      else open.delete(content.key);
      continue;
    }
    if (!item.countable) continue;
    const marks = [...open].map(([key, mark]) => ({
      kind: mark.kind,
      key,
      id: mark.id,
      author: authors(mark.kind === 'insert' ? item.id.client : mark.formatClient),
    }));
    const str = content instanceof Y.ContentString ? content.str : '\ufffc'.repeat(item.length);
    segments.push({ index, length: item.length, str, marks });
    index += item.length;
  }
  return segments;
}
