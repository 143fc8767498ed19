import * as Y from 'yjs';
import type { CommentAnchor } from './CommentThread.ts';
import { CELL_LIMITS } from './cellLimits.ts';
import { commentAnchorPoint } from './commentAnchorPoint.ts';
import { draftBody } from './draftBody.ts';

/** Deeper nesting than any real document; a peer's deeper content is never recursed into. */
const MAX_DEPTH = 64;

/** The text of a Y.XmlText as Yjs indexes it: embeds count one place each. */
function indexedText(text: Y.XmlText): string {
  let out = '';
  for (const op of text.toDelta() as { insert?: unknown }[])
    out += typeof op.insert === 'string' ? op.insert : '\uFFFC';
  return out;
}

function search(
  node: Y.XmlElement | Y.XmlFragment,
  quote: string,
  depth: number,
): CommentAnchor | undefined {
  if (depth > MAX_DEPTH) return undefined;
  for (const child of node.toArray()) {
    if (child instanceof Y.XmlText) {
      const at = indexedText(child).indexOf(quote);
      if (at >= 0)
        return {
          start: commentAnchorPoint(child, at, 'start'),
          end: commentAnchorPoint(child, at + quote.length, 'end'),
          quote,
        };
    } else if (child instanceof Y.XmlElement) {
      const found = search(child, quote, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * An anchor on the first place in a draft's body where `quote` appears within one paragraph (one
 * Y.XmlText, whatever its formatting), for commenting without an editor (`quire comment add
 * --on`). Undefined when it is not there, or is blank or longer than a comment's quote may be.
 */
export function findQuote(draftDoc: Y.Doc, quote: string): CommentAnchor | undefined {
  if (quote.trim() === '' || quote.length > CELL_LIMITS.commentQuoteMaxChars) return undefined;
  return search(draftBody(draftDoc), quote, 0);
}
