import * as Y from 'yjs';
import { err, ok, type Result } from '../util/result.ts';
import { commentText, ownComments } from './addComment.ts';
import { CELL_LIMITS } from './cellLimits.ts';
import { commentsFor, findThread, type CommentWriter } from './commentMaps.ts';
import { newId } from './ids.ts';

export type ReplyError = 'empty' | 'too_long' | 'no_thread' | 'too_many';

/**
 * Adds a reply to the thread `threadId` into `draftDoc`'s comments (the draft's comments document
 * in the app: commentsDocId); returns the reply's id. `legacyDoc`: the draft doc, where threads
 * made before the comments document existed live, so a reply to one of them works too. A thread
 * in any map (a reader's root too) may be answered; a reader's reply goes to her own root.
 */
export function replyToComment(
  draftDoc: Y.Doc,
  threadId: string,
  text: string,
  now: number = Date.now(),
  writer?: CommentWriter,
  legacyDoc?: Y.Doc,
): Result<string, ReplyError> {
  const clean = commentText(text);
  if (!clean.ok) return clean;
  const found =
    findThread(draftDoc, threadId) !== undefined ||
    (legacyDoc !== undefined && findThread(legacyDoc, threadId) !== undefined);
  if (!found) return err('no_thread');
  const comments = commentsFor(draftDoc, writer);
  if (ownComments(comments, draftDoc, writer) >= CELL_LIMITS.commentsMax) return err('too_many');
  const id = newId();
  draftDoc.transact(() => {
    const entry = new Y.Map<unknown>();
    comments.set(id, entry);
    entry.set('text', clean.value);
    entry.set('at', now);
    entry.set('parent', threadId);
  });
  return ok(id);
}
