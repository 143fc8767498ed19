import { useMemo } from 'react';
import type { ClientAuthors } from '../../shared/cell/ClientAuthors.ts';
import type { CommentSource } from '../../shared/cell/CommentThread.ts';
import { commentsDocId } from '../../shared/cell/commentsDocId.ts';
import { draftDocId } from '../../shared/cell/draftDocId.ts';
import type { DraftEntry } from '../../shared/cell/DraftEntry.ts';
import type * as Y from 'yjs';
import type { CellSession } from '../session/CellSession.ts';
import { useDocReplacements } from '../session/useDocReplacements.ts';

/** One listed draft's document and its verified authors, and its comments document. */
export interface ListedDraftDoc {
  readonly id: string;
  readonly doc: Y.Doc;
  readonly authors: ClientAuthors;
  readonly comments: CommentSource;
}

/**
 * The documents of the listed drafts, taken again when the list's ids change or a fork heal
 * replaces a document. The sync engine holds every draft it has seen, so this opens nothing new.
 */
export function useListedDraftDocs(
  session: CellSession,
  drafts: readonly DraftEntry[],
): readonly ListedDraftDoc[] {
  const idsKey = drafts.map((draft) => draft.id).join(',');
  const replaced = useDocReplacements(session);
  return useMemo(
    () =>
      (void replaced, idsKey === '' ? [] : idsKey.split(',')).flatMap((id) => {
        const docId = draftDocId(id);
        const commentsId = commentsDocId(id);
        if (!docId || !commentsId) return [];
        const comments = { doc: session.doc(commentsId), authors: session.authors(commentsId) };
        return [{ id, doc: session.doc(docId), authors: session.authors(docId), comments }];
      }),
    [session, idsKey, replaced],
  );
}
