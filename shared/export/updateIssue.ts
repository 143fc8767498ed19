import * as Y from 'yjs';
import { cellIndexMaps } from '../cell/cellIndexMaps.ts';
import { err, ok, type Result } from '../util/result.ts';
import { checkDraftIds } from './checkDraftIds.ts';
import { cleanMasthead } from './cleanMasthead.ts';
import type { IssueError } from './IssueError.ts';
import { isIssueLayout, type IssueLayout } from './IssueLayout.ts';
import type { Masthead } from './NewsletterIssue.ts';
import { readIssue } from './readIssue.ts';

export type IssuePatch = Partial<{
  masthead: Masthead;
  layout: IssueLayout;
  draftIds: readonly string[];
}>;

/**
 * Changes an issue in one transaction, or nothing at all when any part of the patch is refused.
 * Only fields whose value changes are written, so a peer's concurrent change of another field
 * (the tagline here, the layout there) survives the merge.
 */
export function updateIssue(
  indexDoc: Y.Doc,
  id: string,
  patch: IssuePatch,
  now: number,
): Result<void, IssueError> {
  const current = readIssue(indexDoc, id);
  const value = cellIndexMaps(indexDoc).issues.get(id);
  if (!current || !(value instanceof Y.Map)) return err('not-found');
  const entry = value as Y.Map<unknown>;
  const masthead = patch.masthead === undefined ? undefined : cleanMasthead(patch.masthead);
  if (masthead && !masthead.ok) return masthead;
  if (patch.layout !== undefined && !isIssueLayout(patch.layout)) return err('invalid-layout');
  const draftIds =
    patch.draftIds === undefined ? undefined : checkDraftIds(indexDoc, patch.draftIds);
  if (draftIds && !draftIds.ok) return draftIds;
  if (!(Number.isFinite(now) && now >= 0)) return err('invalid-date', 'now');
  indexDoc.transact(() => {
    let changed = false;
    const set = (key: string, next: unknown): void => {
      if (entry.get(key) === next) return;
      entry.set(key, next);
      changed = true;
    };
    if (masthead) {
      set('title', masthead.value.title);
      set('issueNumber', masthead.value.issueNumber);
      set('date', masthead.value.date);
      set('tagline', masthead.value.tagline);
    }
    if (patch.layout !== undefined) set('layout', patch.layout);
    if (draftIds && draftIds.value.join() !== current.draftIds.join()) {
      // A fresh array, not edits of the old one: the selection is chosen as a whole, and a
      // concurrent reorder by another peer should not interleave with this one.
      entry.set('draftIds', Y.Array.from([...draftIds.value]));
      changed = true;
    }
    if (changed) entry.set('updatedAt', now);
  });
  return ok(undefined);
}
