import * as Y from 'yjs';
import { err, ok, type Result } from '../util/result.ts';
import { commentText, ownComments } from './addComment.ts';
import { CELL_LIMITS } from './cellLimits.ts';
import { draftComments } from './draftComments.ts';
import type { EntryWriter } from './EntryWriter.ts';
import { newId } from './ids.ts';

export type ReplyError = 'empty' | 'too_long' | 'no_thread' | 'too_many';

const isThread = (value: unknown): boolean => value instanceof Y.Map && !value.has('parent');

/**
 * Adds a reply to the thread `threadId` into `draftDoc`'s comments (the draft's comments document
 * in the app: commentsDocId); returns the reply's id. `legacyDoc`: the draft doc, where threads
 * made before the comments document existed live, so a reply to one of them works too.
 */
export function replyToComment(
  draftDoc: Y.Doc,
  threadId: string,
  text: string,
  now: number = Date.now(),
  writer?: EntryWriter,
  legacyDoc?: Y.Doc,
): Result<string, ReplyError> {
  const clean = commentText(text);
  if (!clean.ok) return clean;
  const comments = draftComments(draftDoc);
  const found =
    isThread(comments.get(threadId)) ||
    (legacyDoc !== undefined && isThread(draftComments(legacyDoc).get(threadId)));
  if (!found) return err('no_thread');
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
