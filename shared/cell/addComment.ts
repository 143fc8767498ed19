import * as Y from 'yjs';
import { err, ok, type Result } from '../util/result.ts';
import { countWrittenBy } from './capPerWriter.ts';
import { CELL_LIMITS } from './cellLimits.ts';
import { cleanComment } from './cleanComment.ts';
import { commentsFor, type CommentWriter } from './commentMaps.ts';
import type { CommentAnchor } from './CommentThread.ts';
import type { EntryWriter } from './EntryWriter.ts';
import { newId } from './ids.ts';

export type AddCommentError = 'empty' | 'too_long' | 'bad_anchor' | 'too_many';

/** Checks and cleans a comment's text (shared with replies). */
export function commentText(text: string): Result<string, 'empty' | 'too_long'> {
  const clean = cleanComment(text);
  if (clean === '') return err('empty');
  if (clean.length > CELL_LIMITS.commentMaxChars) return err('too_long');
  return ok(clean);
}

/**
 * How many of a draft's comments and replies `writer` wrote (readers cap each writer's, not
 * everyone's together: capPerWriter); without a writer, those of this replica's own clientID.
 */
export function ownComments(comments: Y.Map<unknown>, doc: Y.Doc, writer?: EntryWriter): number {
  return countWrittenBy(
    comments,
    writer ?? { authors: (client) => (client === doc.clientID ? 'me' : undefined), member: 'me' },
  );
}

/**
 * Starts a comment thread on the span `anchor` marks; returns the thread's id. `writer`: who is
 * commenting, for her own cap; a reader's thread goes to her own root (commentsFor).
 */
export function addComment(
  draftDoc: Y.Doc,
  text: string,
  anchor: CommentAnchor,
  now: number = Date.now(),
  writer?: CommentWriter,
): Result<string, AddCommentError> {
  const clean = commentText(text);
  if (!clean.ok) return clean;
  const max = CELL_LIMITS.commentAnchorMaxBytes;
  if (anchor.start.length > max || anchor.end.length > max) return err('bad_anchor');
  const comments = commentsFor(draftDoc, writer);
  if (ownComments(comments, draftDoc, writer) >= CELL_LIMITS.commentsMax) return err('too_many');
  const id = newId();
  draftDoc.transact(() => {
    const entry = new Y.Map<unknown>();
    comments.set(id, entry);
    entry.set('text', clean.value);
    entry.set('at', now);
    entry.set('start', anchor.start.slice());
    entry.set('end', anchor.end.slice());
    entry.set('quote', anchor.quote.slice(0, CELL_LIMITS.commentQuoteMaxChars));
  });
  return ok(id);
}
