import * as Y from 'yjs';
import { err, ok, type Result } from '../util/result.ts';
import { draftComments } from './draftComments.ts';

/**
 * Resolves or reopens the thread `threadId`. Any member who may write the draft may do either;
 * who did it last is the writer of the item holding 'resolved' (listComments).
 */
export function setCommentResolved(
  draftDoc: Y.Doc,
  threadId: string,
  resolved: boolean,
): Result<void, 'no_thread'> {
  const thread = draftComments(draftDoc).get(threadId);
  if (!(thread instanceof Y.Map) || thread.has('parent')) return err('no_thread');
  thread.set('resolved', resolved);
  return ok(undefined);
}
