import * as Y from 'yjs';
import { cellIndexMaps } from '../cell/cellIndexMaps.ts';
import { newId } from '../cell/ids.ts';
import { err, ok, type Result } from '../util/result.ts';
import { cleanMasthead } from './cleanMasthead.ts';
import type { IssueError } from './IssueError.ts';
import { isIssueLayout, type IssueLayout } from './IssueLayout.ts';
import type { Masthead } from './NewsletterIssue.ts';

/**
 * Adds an issue with no drafts yet to the cell index in one transaction and returns its random
 * id. Nothing is written when the masthead or layout is refused.
 */
export function createIssue(
  indexDoc: Y.Doc,
  masthead: Masthead,
  layout: IssueLayout,
  now: number,
): Result<string, IssueError> {
  const clean = cleanMasthead(masthead);
  if (!clean.ok) return clean;
  if (!isIssueLayout(layout)) return err('invalid-layout');
  if (!(Number.isFinite(now) && now >= 0)) return err('invalid-date', 'now');
  const id = newId();
  indexDoc.transact(() => {
    const entry = new Y.Map<unknown>();
    cellIndexMaps(indexDoc).issues.set(id, entry);
    entry.set('title', clean.value.title);
    entry.set('issueNumber', clean.value.issueNumber);
    entry.set('date', clean.value.date);
    entry.set('tagline', clean.value.tagline);
    entry.set('layout', layout);
    entry.set('draftIds', new Y.Array<string>());
    entry.set('createdAt', now);
    entry.set('updatedAt', now);
  });
  return ok(id);
}
