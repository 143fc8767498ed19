import type * as Y from 'yjs';
import { CELL_INDEX_DOC_ID } from '../cell/cellIndexDocId.ts';
import type { ClientAuthors } from '../cell/ClientAuthors.ts';
import { draftDocId } from '../cell/draftDocId.ts';
import { dropOldVersions } from '../cell/dropOldVersions.ts';
import { listDrafts } from '../cell/listDrafts.ts';

/** Deletes every draft's named versions saved before `cutoff` (the history horizon). */
export function dropCellVersions(
  sync: { doc(docId: Uint8Array): Y.Doc; clientAuthors(docId: Uint8Array): ClientAuthors },
  cutoff: number,
  now: number,
): number {
  let dropped = 0;
  for (const draft of listDrafts(sync.doc(CELL_INDEX_DOC_ID), sync.clientAuthors(CELL_INDEX_DOC_ID))
    .entries) {
    const docId = draftDocId(draft.id);
    if (docId) dropped += dropOldVersions(sync.doc(docId), cutoff, now);
  }
  return dropped;
}
