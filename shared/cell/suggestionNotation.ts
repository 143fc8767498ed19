import type * as Y from 'yjs';
import type { ClientAuthors } from './ClientAuthors.ts';
import type { TextReader } from './draftPlainText.ts';
import { suggestionSegments, type SegmentMark } from './suggestionSegments.ts';

/** CriticMarkup-style wrapping of one run: `{++text++}{>>who<<}`, `{--text--}{>>who<<}`. */
function wrap(
  str: string,
  marks: readonly SegmentMark[],
  who: (author: string | undefined) => string,
): string {
  let out = str;
  // Insertions inside, deletions around: "B suggests deleting what A suggested inserting".
  for (const mark of [...marks].sort((a, b) =>
    a.kind === b.kind ? 0 : a.kind === 'insert' ? -1 : 1,
  )) {
    out = mark.kind === 'insert' ? `{++${out}++}` : `{--${out}--}`;
    out += `{>>${who(mark.author)}<<}`;
  }
  return out;
}

const sameMarks = (a: readonly SegmentMark[], b: readonly SegmentMark[]): boolean =>
  a.length === b.length &&
  a.every((mark, i) => {
    const other = b[i];
    return (
      other !== undefined &&
      other.kind === mark.kind &&
      other.id === mark.id &&
      other.author === mark.author
    );
  });

/**
 * A TextReader (draftPlainText) that shows open suggestions in CriticMarkup notation with their
 * verified suggester: `{++inserted++}{>>Ana<<}`, `{--deleted--}{>>Ana<<}`. `who` names an author
 * (undefined: a writer the sync engine does not know). Embeds are left out, as in plain text.
 */
export function suggestionNotation(
  authors: ClientAuthors,
  who: (author: string | undefined) => string,
): TextReader {
  return (text: Y.XmlText): string => {
    let out = '';
    let run = '';
    let marks: readonly SegmentMark[] = [];
    const flush = (): void => {
      out += marks.length === 0 ? run : wrap(run, marks, who);
      run = '';
    };
    for (const segment of suggestionSegments(text, authors)) {
      if (!sameMarks(segment.marks, marks)) {
        flush();
        marks = segment.marks;
      }
      run += segment.str.replace(/\ufffc/g, '');
    }
    flush();
    return out;
  };
}
