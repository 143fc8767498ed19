import type * as Y from 'yjs';

/**
 * The comments of a draft, in the draft's own doc (so they travel sealed and signed like the
 * body, and never enter an export, which reads only 'body'): commentId (32 hex) -> Y.Map.
 * A thread's first comment holds { text, at, start, end, quote } and may hold { resolved };
 * a reply holds { text, at, parent } with parent = the thread's id. `start`/`end` are encoded
 * Y.RelativePositions in the body (commentAnchorPoint), so the anchor follows the text through
 * edits. Who wrote a comment is the writer of the Yjs item that put its map here (creatorOf),
 * never a field; see readComment.
 */
export const draftComments = (draftDoc: Y.Doc): Y.Map<unknown> =>
  draftDoc.getMap<unknown>('comments');
