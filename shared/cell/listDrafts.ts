import type * as Y from 'yjs';
import { cellIndexMaps } from './cellIndexMaps.ts';
import type { ClientAuthors } from './ClientAuthors.ts';
import { CELL_LIMITS } from './cellLimits.ts';
import type { DraftEntry, Listing } from './DraftEntry.ts';
import { readDraftEntry } from './readDraftEntry.ts';

/**
 * The valid drafts of the cell index, most recently edited first (ties by id, so every peer shows
 * the same order). Malformed entries and entries past the cap are dropped and counted. Pass
 * `authors` for a verified "last edited by" (readDraftEntry).
 */
export function listDrafts(indexDoc: Y.Doc, authors?: ClientAuthors): Listing<DraftEntry> {
  const entries: DraftEntry[] = [];
  let dropped = 0;
  for (const [id, value] of cellIndexMaps(indexDoc).drafts.entries()) {
    const entry =
      entries.length < CELL_LIMITS.draftsMax ? readDraftEntry(id, value, authors) : undefined;
    if (entry) entries.push(entry);
    else dropped++;
  }
  entries.sort((a, b) => b.updatedAt - a.updatedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { entries, dropped };
}
