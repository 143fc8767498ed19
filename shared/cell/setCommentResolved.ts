import type * as Y from 'yjs';
import { err, ok, type Result } from '../util/result.ts';
import { findThread } from './commentMaps.ts';

/**
 * Resolves or reopens the thread `threadId`. Any member who may write the draft may do either;
 * who did it last is the writer of the item holding 'resolved' (listComments).
 */
export function setCommentResolved(
  draftDoc: Y.Doc,
  threadId: string,
  resolved: boolean,
): Result<void, 'no_thread'> {
  // A reader's thread too (in her root): members may resolve it; the rule binds readers only.
  const thread = findThread(draftDoc, threadId);
  if (!thread) return err('no_thread');
  thread.set('resolved', resolved);
  return ok(undefined);
}
