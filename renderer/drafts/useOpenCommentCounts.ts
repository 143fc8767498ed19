import type { DraftEntry } from '../../shared/cell/DraftEntry.ts';
import { listComments } from '../../shared/cell/listComments.ts';
import type { CellSession } from '../session/CellSession.ts';
import { useDraftCounts } from './useDraftCounts.ts';
import type { ListedDraftDoc } from './useListedDraftDocs.ts';

const openThreads = ({ doc, authors }: ListedDraftDoc): number =>
  listComments(doc, authors).entries.filter((thread) => !thread.resolved).length;

/** Open (unresolved, valid) comment threads per listed draft, kept current. */
export function useOpenCommentCounts(
  session: CellSession,
  drafts: readonly DraftEntry[],
): ReadonlyMap<string, number> {
  return useDraftCounts(session, drafts, openThreads);
}
