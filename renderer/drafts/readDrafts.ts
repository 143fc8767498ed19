import * as Y from 'yjs';
import { DRAFT_ID_PATTERN, draftsMap, TITLE_MAX_LENGTH, type DraftSummary } from './draftSchema.ts';

export interface DraftListing {
  readonly drafts: readonly DraftSummary[];
  /** Entries a peer wrote in a shape we do not accept: ignored, never fatal. */
  readonly dropped: number;
}

/** Validates every entry of the drafts map; oldest first, ties broken by id so peers agree. */
export function readDrafts(doc: Y.Doc): DraftListing {
  const drafts: DraftSummary[] = [];
  let dropped = 0;
  for (const [id, entry] of draftsMap(doc).entries()) {
    const title: unknown = entry instanceof Y.Map ? entry.get('title') : undefined;
    const createdAt: unknown = entry instanceof Y.Map ? entry.get('createdAt') : undefined;
    const body: unknown = entry instanceof Y.Map ? entry.get('body') : undefined;
    if (
      !DRAFT_ID_PATTERN.test(id) ||
      typeof title !== 'string' ||
      typeof createdAt !== 'number' ||
      !Number.isFinite(createdAt) ||
      !(body instanceof Y.Text)
    ) {
      dropped++;
      continue;
    }
    drafts.push({ id, title: title.slice(0, TITLE_MAX_LENGTH), createdAt, body });
  }
  drafts.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { drafts, dropped };
}
