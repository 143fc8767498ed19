import * as Y from 'yjs';
import { draftComments } from './draftComments.ts';
import type { EntryWriter } from './EntryWriter.ts';
import { readerRootName, readerRoots } from './readerRoot.ts';

/**
 * Who is commenting: a member, or a reader the cell lets comment (`reader`), whose threads and
 * replies go to her own root of the comments document (readerRootName): the only place, with
 * her own structs, where the engine lets her write (checkReaderUpdate).
 */
export interface CommentWriter extends EntryWriter {
  readonly reader?: boolean;
}

/** One map of comments: the shared 'comments' map, or a reader's root (`reader` her key, hex). */
export interface CommentMap {
  readonly map: Y.Map<unknown>;
  readonly reader?: string;
}

/**
 * Every map of comments in `doc`: its 'comments' map first, then each reader's root in name
 * order (the same order on every replica). A draft doc has only the first.
 */
export const commentMaps = (doc: Y.Doc): CommentMap[] => [
  { map: draftComments(doc) },
  ...readerRoots(doc),
];

/** Where `writer` adds comments to `doc`: her own root if she writes as a reader. */
export const commentsFor = (doc: Y.Doc, writer?: CommentWriter): Y.Map<unknown> =>
  writer?.reader ? doc.getMap<unknown>(readerRootName(writer.member)) : draftComments(doc);

/** The thread `threadId` (a comment map with no parent) in any map of `doc`. */
export function findThread(doc: Y.Doc, threadId: string): Y.Map<unknown> | undefined {
  for (const { map } of commentMaps(doc)) {
    const value = map.get(threadId);
    if (value instanceof Y.Map && !value.has('parent')) return value as Y.Map<unknown>;
  }
  return undefined;
}
