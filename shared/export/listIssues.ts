import type * as Y from 'yjs';
import { cellIndexMaps } from '../cell/cellIndexMaps.ts';
import { ISSUE_LIMITS } from './issueLimits.ts';
import type { NewsletterIssue } from './NewsletterIssue.ts';
import { readIssueEntry } from './readIssue.ts';

/**
 * The valid issues of the cell, newest first (ties by id, so every peer shows the same order).
 * Malformed entries and entries past the cap are skipped, never thrown on.
 */
export function listIssues(indexDoc: Y.Doc): NewsletterIssue[] {
  const issues: NewsletterIssue[] = [];
  for (const [id, value] of cellIndexMaps(indexDoc).issues.entries()) {
    if (issues.length >= ISSUE_LIMITS.issuesMax) break;
    const issue = readIssueEntry(indexDoc, id, value);
    if (issue) issues.push(issue);
  }
  return issues.sort(
    (a, b) => b.createdAt - a.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}
