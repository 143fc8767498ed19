import * as Y from 'yjs';
import { cellIndexMaps } from '../cell/cellIndexMaps.ts';
import { entryMap, fields } from '../cell/fields.ts';
import { isEntryId } from '../cell/ids.ts';
import { isDueDate } from '../cell/isDueDate.ts';
import { readDraftEntry } from '../cell/readDraftEntry.ts';
import { isIssueLayout } from './IssueLayout.ts';
import { ISSUE_LIMITS } from './issueLimits.ts';
import type { NewsletterIssue } from './NewsletterIssue.ts';

/**
 * Draft ids of an entry in order: each existing draft once (two peers adding the same draft at
 * once leave it twice in the array), ids of drafts not in the index left out. Undefined when
 * the array itself is malformed.
 */
function readDraftIds(indexDoc: Y.Doc, value: unknown): string[] | undefined {
  if (!(value instanceof Y.Array)) return undefined;
  const raw = (value as Y.Array<unknown>).toArray();
  if (raw.length > ISSUE_LIMITS.draftsPerIssueMax * 2) return undefined;
  const drafts = cellIndexMaps(indexDoc).drafts;
  const ids: string[] = [];
  for (const id of raw) {
    if (typeof id !== 'string') return undefined;
    if (ids.includes(id) || !readDraftEntry(id, drafts.get(id))) continue;
    ids.push(id);
  }
  return ids.slice(0, ISSUE_LIMITS.draftsPerIssueMax);
}

/** One entry of the index's 'issues' map, validated; undefined if a peer wrote it malformed. */
export function readIssueEntry(
  indexDoc: Y.Doc,
  id: string,
  value: unknown,
): NewsletterIssue | undefined {
  const map = entryMap(value);
  if (!map || !isEntryId(id)) return undefined;
  const title = fields.string(map, 'title', ISSUE_LIMITS.titleMaxChars);
  const issueNumber = fields.string(map, 'issueNumber', ISSUE_LIMITS.issueNumberMaxChars);
  const tagline = fields.string(map, 'tagline', ISSUE_LIMITS.taglineMaxChars);
  const date = map.get('date');
  const layout = map.get('layout');
  const createdAt = fields.count(map, 'createdAt');
  const updatedAt = fields.count(map, 'updatedAt');
  const draftIds = readDraftIds(indexDoc, map.get('draftIds'));
  if (
    !title ||
    issueNumber === undefined ||
    tagline === undefined ||
    !isDueDate(date) ||
    !isIssueLayout(layout) ||
    createdAt === undefined ||
    updatedAt === undefined ||
    !draftIds
  ) {
    return undefined;
  }
  return {
    id,
    masthead: { title, issueNumber, date, tagline },
    draftIds,
    layout,
    createdAt,
    updatedAt,
  };
}

/** The issue with this id, or undefined when there is none or it is malformed. */
export const readIssue = (indexDoc: Y.Doc, id: string): NewsletterIssue | undefined =>
  readIssueEntry(indexDoc, id, cellIndexMaps(indexDoc).issues.get(id));
