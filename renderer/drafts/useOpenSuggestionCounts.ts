import { draftBody } from '../../shared/cell/draftBody.ts';
import type { DraftEntry } from '../../shared/cell/DraftEntry.ts';
import { findSuggestions } from '../../shared/cell/findSuggestions.ts';
import type { CellSession } from '../session/CellSession.ts';
import { useDraftCounts } from './useDraftCounts.ts';
import type { ListedDraftDoc } from './useListedDraftDocs.ts';

const openSuggestions = ({ doc, authors }: ListedDraftDoc): number =>
  findSuggestions(draftBody(doc), authors).length;

/** Open suggestions per listed draft (findSuggestions: verified suggesters), kept current. */
export function useOpenSuggestionCounts(
  session: CellSession,
  drafts: readonly DraftEntry[],
): ReadonlyMap<string, number> {
  return useDraftCounts(session, drafts, openSuggestions);
}
