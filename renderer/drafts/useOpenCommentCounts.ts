import type { DraftEntry } from '../../shared/cell/DraftEntry.ts';
import { listComments } from '../../shared/cell/listComments.ts';
import type { CellSession } from '../session/CellSession.ts';
import { useDraftCounts } from './useDraftCounts.ts';
import type { ListedDraftDoc } from './useListedDraftDocs.ts';

/** Both the threads kept in the draft doc (older ones) and those of its comments document. */
const openThreads = ({ doc, authors, comments }: ListedDraftDoc): number =>
  listComments(doc, authors, comments).entries.filter((thread) => !thread.resolved).length;

/** Open (unresolved, valid) comment threads per listed draft, kept current. */
export function useOpenCommentCounts(
  session: CellSession,
  drafts: readonly DraftEntry[],
): ReadonlyMap<string, number> {
  return useDraftCounts(session, drafts, openThreads);
}
