import type * as Y from 'yjs';
import { CELL_INDEX_DOC_ID } from '../../shared/cell/cellIndexDocId.ts';
import type { CommentSource } from '../../shared/cell/CommentThread.ts';
import { commentsDocId } from '../../shared/cell/commentsDocId.ts';
import { draftDocId } from '../../shared/cell/draftDocId.ts';
import { findDraftByTitle } from '../../shared/cell/findDraftByTitle.ts';
import type { CellRuntime } from '../../shared/runtime/CellRuntime.ts';
import { failure, type CommandResult } from './CommandResult.ts';

/**
 * The document of the draft titled `title` and its comments document (commentsDocId), or the
 * command's failure (none, or several).
 */
export function findDraftDoc(
  cell: CellRuntime,
  title: string,
):
  | { ok: true; docId: Uint8Array; doc: Y.Doc; comments: CommentSource }
  | { ok: false; result: CommandResult } {
  const found = findDraftByTitle(
    cell.sync.doc(CELL_INDEX_DOC_ID),
    title,
    cell.sync.clientAuthors(CELL_INDEX_DOC_ID),
  );
  if (!found.ok)
    return {
      ok: false,
      result: failure(
        'failed',
        found.error === 'ambiguous' ? 'several drafts have this title' : 'no draft has this title',
      ),
    };
  const docId = draftDocId(found.value.id);
  const commentsId = commentsDocId(found.value.id);
  if (!docId || !commentsId)
    return { ok: false, result: failure('failed', 'the cell index holds an invalid draft id') };
  const comments = {
    doc: cell.sync.doc(commentsId),
    authors: cell.sync.clientAuthors(commentsId),
  };
  return { ok: true, docId, doc: cell.sync.doc(docId), comments };
}
