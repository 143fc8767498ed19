import type * as Y from 'yjs';
import { capPerWriter } from './capPerWriter.ts';
import type { ClientAuthors } from './ClientAuthors.ts';
import { CELL_LIMITS } from './cellLimits.ts';
import type { CommentEntry, CommentThread } from './CommentThread.ts';
import type { Listing } from './DraftEntry.ts';
import { draftComments } from './draftComments.ts';
import { readComment } from './readComment.ts';

const byTime = (a: CommentEntry, b: CommentEntry): number =>
  a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * A draft's comment threads, oldest first, each with its replies oldest first. Malformed or
 * forged entries (readComment), entries past the cap (per writer: capPerWriter), and replies to no valid thread are dropped
 * and counted.
 */
export function listComments(draftDoc: Y.Doc, authors: ClientAuthors): Listing<CommentThread> {
  const threads = new Map<string, Omit<CommentThread, 'replies'> & { replies: CommentEntry[] }>();
  const replies: { parent: string; entry: CommentEntry }[] = [];
  const comments = draftComments(draftDoc);
  const capped = capPerWriter(comments, CELL_LIMITS.commentsMax, authors);
  let dropped = capped.dropped;
  for (const id of capped.keys) {
    const comment = readComment(id, comments.get(id), authors);
    if (!comment) dropped++;
    else if (comment.kind === 'reply') replies.push(comment);
    else {
      const { entry, anchor, resolved, resolvedBy } = comment;
      threads.set(entry.id, { ...entry, anchor, resolved, resolvedBy, replies: [] });
    }
  }
  for (const { parent, entry } of replies) {
    const thread = threads.get(parent);
    if (thread) thread.replies.push(entry);
    else dropped++;
  }
  const entries = [...threads.values()].sort(byTime);
  for (const thread of entries) thread.replies.sort(byTime);
  return { entries, dropped };
}
