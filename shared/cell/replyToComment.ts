import * as Y from 'yjs';
import { err, ok, type Result } from '../util/result.ts';
import { commentText, ownComments } from './addComment.ts';
import { CELL_LIMITS } from './cellLimits.ts';
import { draftComments } from './draftComments.ts';
import type { EntryWriter } from './EntryWriter.ts';
import { newId } from './ids.ts';

export type ReplyError = 'empty' | 'too_long' | 'no_thread' | 'too_many';

/** Adds a reply to the thread `threadId`; returns the reply's id. */
export function replyToComment(
  draftDoc: Y.Doc,
  threadId: string,
  text: string,
  now: number = Date.now(),
  writer?: EntryWriter,
): Result<string, ReplyError> {
  const clean = commentText(text);
  if (!clean.ok) return clean;
  const comments = draftComments(draftDoc);
  const thread = comments.get(threadId);
  if (!(thread instanceof Y.Map) || thread.has('parent')) return err('no_thread');
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
