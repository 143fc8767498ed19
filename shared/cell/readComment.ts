import type * as Y from 'yjs';
import type { ClientAuthors } from './ClientAuthors.ts';
import { CELL_LIMITS } from './cellLimits.ts';
import type { CommentAnchor, CommentEntry } from './CommentThread.ts';
import { entryMap, fields } from './fields.ts';
import { isEntryId } from './ids.ts';
import { creatorOf, writerOf } from './writerOf.ts';

/** Fields only a comment's own author may write; anyone else's value there voids the comment. */
const AUTHORED_FIELDS = ['text', 'at', 'start', 'end', 'quote', 'parent'] as const;

export type ReadComment =
  | {
      readonly kind: 'thread';
      readonly entry: CommentEntry;
      readonly anchor: CommentAnchor;
      readonly resolved: boolean;
      readonly resolvedBy: string;
    }
  | { readonly kind: 'reply'; readonly entry: CommentEntry; readonly parent: string };

/**
 * One entry of a draft's 'comments' map, validated; undefined when malformed. The author is the
 * verified writer of the item that put the entry's map in place; an entry whose writer is not
 * known, or one of whose authored fields someone else wrote (a forged or altered comment), is
 * undefined, so no member can make words appear under another's name.
 */
export function readComment(
  id: string,
  value: unknown,
  authors: ClientAuthors,
): ReadComment | undefined {
  const map = entryMap(value);
  if (!map || !isEntryId(id)) return undefined;
  const author = creatorOf(map, authors);
  if (author === undefined) return undefined;
  for (const key of AUTHORED_FIELDS) {
    if (map.has(key) && writerOf(map, key, authors) !== author) return undefined;
  }
  const text = fields.string(map, 'text', CELL_LIMITS.commentMaxChars);
  const at = fields.count(map, 'at');
  if (text === undefined || text === '' || at === undefined) return undefined;
  const entry: CommentEntry = { id, author, text, at };
  if (map.has('parent')) return readReply(map, entry);
  const max = CELL_LIMITS.commentAnchorMaxBytes;
  const start = fields.bytes(map, 'start', max);
  const end = fields.bytes(map, 'end', max);
  const quote = fields.string(map, 'quote', CELL_LIMITS.commentQuoteMaxChars);
  if (!start || !end || quote === undefined) return undefined;
  // Anyone who may write may resolve or reopen; a value that is not `true` reads as open, so a
  // hostile value can never hide a thread.
  const resolved = map.get('resolved') === true;
  const resolvedBy = map.has('resolved') ? (writerOf(map, 'resolved', authors) ?? '') : '';
  return { kind: 'thread', entry, anchor: { start, end, quote }, resolved, resolvedBy };
}

function readReply(map: Y.Map<unknown>, entry: CommentEntry): ReadComment | undefined {
  const parent = map.get('parent');
  if (typeof parent !== 'string' || !isEntryId(parent) || parent === entry.id) return undefined;
  if (map.has('start') || map.has('end')) return undefined;
  return { kind: 'reply', entry, parent };
}
