import type * as Y from 'yjs';
import type { ClientAuthors } from './ClientAuthors.ts';
import { capPerWriter } from './capPerWriter.ts';
import { CELL_LIMITS } from './cellLimits.ts';
import type { Listing } from './DraftEntry.ts';
import { draftVersions } from './draftVersions.ts';
import { readVersionEntry } from './readVersionEntry.ts';
import type { VersionEntry } from './VersionEntry.ts';

/**
 * The valid versions of a draft, newest first (ties by id); malformed ones and those past the cap
 * (per writer: capPerWriter) dropped and counted. Pass `authors` for a verified "saved by"
 * (readVersionEntry) and a cap per verified writer rather than per clientID.
 */
export function listVersions(draftDoc: Y.Doc, authors?: ClientAuthors): Listing<VersionEntry> {
  const versions = draftVersions(draftDoc);
  const capped = capPerWriter(versions, CELL_LIMITS.versionsMax, authors);
  const entries: VersionEntry[] = [];
  let dropped = capped.dropped;
  for (const id of capped.keys) {
    const entry = readVersionEntry(id, versions.get(id), authors);
    if (entry)
      entries.push({ id, name: entry.name, at: entry.at, by: entry.by, bytes: entry.bytes });
    else dropped++;
  }
  entries.sort((a, b) => b.at - a.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { entries, dropped };
}
