import type * as Y from 'yjs';
import { capPerWriter } from './capPerWriter.ts';
import type { ClientAuthors } from './ClientAuthors.ts';
import { CELL_LIMITS } from './cellLimits.ts';
import type { CommentEntry, CommentSource, CommentThread } from './CommentThread.ts';
import type { Listing } from './DraftEntry.ts';
import { draftComments } from './draftComments.ts';
import { readComment } from './readComment.ts';

const byTime = (a: CommentEntry, b: CommentEntry): number =>
  a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

type Thread = Omit<CommentThread, 'replies'> & { replies: CommentEntry[] };

/**
 * A draft's comment threads, oldest first, each with its replies oldest first: those kept in the
 * draft doc itself (before the comments document existed) and, given `commentsDoc`, those of its
 * comments document (commentsDocId), where new threads go and readers may write when the cell
 * lets them. A reply in either may answer a thread in either. Malformed or forged entries
 * (readComment), entries past the cap (per writer and document: capPerWriter), and replies to no
 * valid thread are dropped and counted.
 */
export function listComments(
  draftDoc: Y.Doc,
  authors: ClientAuthors,
  commentsDoc?: CommentSource,
): Listing<CommentThread> {
  const threads = new Map<string, Thread>();
  const replies: { parent: string; entry: CommentEntry }[] = [];
  let dropped = collect({ doc: draftDoc, authors }, false, threads, replies);
  if (commentsDoc) dropped += collect(commentsDoc, true, threads, replies);
  for (const { parent, entry } of replies) {
    const thread = threads.get(parent);
    if (thread) thread.replies.push(entry);
    else dropped++;
  }
  const entries = [...threads.values()].sort(byTime);
  for (const thread of entries) thread.replies.sort(byTime);
  return { entries, dropped };
}

function collect(
  source: CommentSource,
  inCommentsDoc: boolean,
  threads: Map<string, Thread>,
  replies: { parent: string; entry: CommentEntry }[],
): number {
  const comments = draftComments(source.doc);
  const capped = capPerWriter(comments, CELL_LIMITS.commentsMax, source.authors);
  let dropped = capped.dropped;
  for (const id of capped.keys) {
    const comment = readComment(id, comments.get(id), source.authors);
    // The same id in both documents: the first read (the draft's) stands, the other is dropped.
    if (!comment || threads.has(id)) dropped++;
    else if (comment.kind === 'reply') replies.push(comment);
    else {
      const { entry, anchor, resolved, resolvedBy } = comment;
      const home = inCommentsDoc ? { inCommentsDoc: true as const } : {};
      threads.set(entry.id, { ...entry, anchor, resolved, resolvedBy, replies: [], ...home });
    }
  }
  return dropped;
}
