import type * as Y from 'yjs';
import type { ClientAuthors } from './ClientAuthors.ts';
import { CELL_LIMITS } from './cellLimits.ts';
import type { Listing } from './DraftEntry.ts';
import { draftVersions } from './draftVersions.ts';
import { readVersionEntry } from './readVersionEntry.ts';
import type { VersionEntry } from './VersionEntry.ts';

/**
 * The valid versions of a draft, newest first (ties by id); malformed ones dropped and counted.
 * Pass `authors` for a verified "saved by" (readVersionEntry).
 */
export function listVersions(draftDoc: Y.Doc, authors?: ClientAuthors): Listing<VersionEntry> {
  const entries: VersionEntry[] = [];
  let dropped = 0;
  for (const [id, value] of draftVersions(draftDoc).entries()) {
    const entry =
      entries.length < CELL_LIMITS.versionsMax ? readVersionEntry(id, value, authors) : undefined;
    if (entry)
      entries.push({ id, name: entry.name, at: entry.at, by: entry.by, bytes: entry.bytes });
    else dropped++;
  }
  entries.sort((a, b) => b.at - a.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { entries, dropped };
}
