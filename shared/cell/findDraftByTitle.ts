import type * as Y from 'yjs';
import { err, ok, type Result } from '../util/result.ts';
import type { ClientAuthors } from './ClientAuthors.ts';
import type { DraftEntry } from './DraftEntry.ts';
import { listDrafts } from './listDrafts.ts';

/**
 * The draft titled `title` (what `quire draft write "Issue 12"` names): an exact match after
 * trimming, else a case-insensitive one. Two drafts may share a title: that is 'ambiguous', never
 * a silent pick. Pass `authors` to read the drafts as the drafts screen lists them (capPerWriter).
 */
export function findDraftByTitle(
  indexDoc: Y.Doc,
  title: string,
  authors?: ClientAuthors,
): Result<DraftEntry, 'not_found' | 'ambiguous'> {
  const wanted = title.trim();
  const { entries } = listDrafts(indexDoc, authors);
  const exact = entries.filter((entry) => entry.title === wanted);
  const matches =
    exact.length > 0
      ? exact
      : entries.filter((entry) => entry.title.toLowerCase() === wanted.toLowerCase());
  const [first, second] = matches;
  if (!first) return err('not_found');
  return second ? err('ambiguous') : ok(first);
}
