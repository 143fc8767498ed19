import type * as Y from 'yjs';
import { cellIndexMaps } from '../cell/cellIndexMaps.ts';
import { readDraftEntry } from '../cell/readDraftEntry.ts';
import { err, ok, type Result } from '../util/result.ts';
import type { IssueError } from './IssueError.ts';
import { ISSUE_LIMITS } from './issueLimits.ts';

/** An issue's selection before it is written: existing drafts, each once, within the cap. */
export function checkDraftIds(
  indexDoc: Y.Doc,
  draftIds: readonly string[],
): Result<readonly string[], IssueError> {
  if (draftIds.length > ISSUE_LIMITS.draftsPerIssueMax) return err('too-many-drafts');
  const drafts = cellIndexMaps(indexDoc).drafts;
  const seen = new Set<string>();
  for (const id of draftIds) {
    if (typeof id !== 'string' || !readDraftEntry(id, drafts.get(id))) {
      return err('unknown-draft', String(id));
    }
    if (seen.has(id)) return err('duplicate-draft', id);
    seen.add(id);
  }
  return ok(draftIds);
}
