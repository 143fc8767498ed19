import type * as Y from 'yjs';
import { capPerWriter } from './capPerWriter.ts';
import { cellIndexMaps } from './cellIndexMaps.ts';
import type { ClientAuthors } from './ClientAuthors.ts';
import { CELL_LIMITS } from './cellLimits.ts';
import type { DraftEntry, Listing } from './DraftEntry.ts';
import { readDraftEntry } from './readDraftEntry.ts';

/**
 * The valid drafts of the cell index, most recently edited first (ties by id, so every peer shows
 * the same order). Malformed entries and entries past the cap (per writer: capPerWriter) are
 * dropped and counted. Pass `authors` for a verified "last edited by" (readDraftEntry) and a
 * cap per verified writer rather than per clientID.
 */
export function listDrafts(indexDoc: Y.Doc, authors?: ClientAuthors): Listing<DraftEntry> {
  const drafts = cellIndexMaps(indexDoc).drafts;
  const capped = capPerWriter(drafts, CELL_LIMITS.draftsMax, authors);
  const entries: DraftEntry[] = [];
  let dropped = capped.dropped;
  for (const id of capped.keys) {
    const entry = readDraftEntry(id, drafts.get(id), authors);
    if (entry) entries.push(entry);
    else dropped++;
  }
  entries.sort((a, b) => b.updatedAt - a.updatedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { entries, dropped };
}
