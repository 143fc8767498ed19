import type * as Y from 'yjs';
import { cellIndexMaps } from '../cell/cellIndexMaps.ts';

/** Removes an issue (never its drafts); false when there was none with this id. */
export function deleteIssue(indexDoc: Y.Doc, id: string): boolean {
  const issues = cellIndexMaps(indexDoc).issues;
  if (!issues.has(id)) return false;
  issues.delete(id);
  return true;
}
