import type * as Y from 'yjs';
import { err, ok, type Result } from '../util/result.ts';
import { bodyTexts } from './bodyTexts.ts';
import { CELL_LIMITS } from './cellLimits.ts';
import type { CommentAnchor } from './CommentThread.ts';
import { commentAnchorPoint } from './commentAnchorPoint.ts';

export type AnchorQuoteError = 'empty_quote' | 'not_found';

/**
 * An anchor on the first occurrence of `quote` within one paragraph of the draft's body (the
 * headless `quire comment add --on`; the editor anchors its selection instead).
 */
export function anchorQuote(
  draftDoc: Y.Doc,
  quote: string,
): Result<CommentAnchor, AnchorQuoteError> {
  if (quote === '') return err('empty_quote');
  for (const { type, text } of bodyTexts(draftDoc)) {
    const at = text.indexOf(quote);
    if (at < 0) continue;
    return ok({
      start: commentAnchorPoint(type, at, 'start'),
      end: commentAnchorPoint(type, at + quote.length, 'end'),
      quote: quote.slice(0, CELL_LIMITS.commentQuoteMaxChars),
    });
  }
  return err('not_found');
}
