import type * as Y from 'yjs';
import type { ClientAuthors } from './ClientAuthors.ts';
import { capPerWriter } from './capPerWriter.ts';
import { CELL_LIMITS } from './cellLimits.ts';
import { commentMaps, type CommentMap } from './commentMaps.ts';
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
 * comments document (commentsDocId), where new threads go: its 'comments' map, and each reader's
 * own root (readerRootName), where a reader the cell lets comment writes; an entry there counts
 * only if that reader wrote it (a member's or another's entry there is dropped). A reply in any
 * may answer a thread in any. Malformed or forged entries (readComment), entries past the cap
 * (per writer and map: capPerWriter), and replies to no valid thread are dropped and counted.
 */
export function listComments(
  draftDoc: Y.Doc,
  authors: ClientAuthors,
  commentsDoc?: CommentSource,
): Listing<CommentThread> {
  const threads = new Map<string, Thread>();
  const replies: { parent: string; entry: CommentEntry }[] = [];
  let dropped = collect({ map: draftComments(draftDoc) }, authors, false, threads, replies);
  if (commentsDoc)
    for (const map of commentMaps(commentsDoc.doc))
      dropped += collect(map, commentsDoc.authors, true, threads, replies);
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
  { map: comments, reader }: CommentMap,
  authors: ClientAuthors,
  inCommentsDoc: boolean,
  threads: Map<string, Thread>,
  replies: { parent: string; entry: CommentEntry }[],
): number {
  const capped = capPerWriter(comments, CELL_LIMITS.commentsMax, authors);
  let dropped = capped.dropped;
  for (const id of capped.keys) {
    const comment = readComment(id, comments.get(id), authors);
    // The same id in two maps: the first read (the draft's, then 'comments') stands.
    // In a reader's root only her own entries count: no one writes in her name.
    const foreign = reader !== undefined && comment?.entry.author !== reader;
    if (!comment || foreign || threads.has(id)) dropped++;
    else if (comment.kind === 'reply') replies.push(comment);
    else {
      const { entry, anchor, resolved, resolvedBy } = comment;
      const home = inCommentsDoc ? { inCommentsDoc: true as const } : {};
      threads.set(entry.id, { ...entry, anchor, resolved, resolvedBy, replies: [], ...home });
    }
  }
  return dropped;
}
