import type * as Y from 'yjs';
import { cellIndexMaps } from './cellIndexMaps.ts';
import type { ClientAuthors } from './ClientAuthors.ts';
import { entryMap, fields } from './fields.ts';
import { isSignPkHex } from './ids.ts';
import { wasDeleted, writerOf } from './writerOf.ts';

export interface PersonEntry {
  /** What the member declared themselves; undefined when the value there was not written by them. */
  readonly insideCountry: boolean | undefined;
  /**
   * Someone other than the member wrote or deleted their entry: nothing can be said either way,
   * so the exposure warning treats them as possibly inside (needsExposureWarning).
   */
  readonly overwritten: boolean;
}

/**
 * Who marked themselves inside the country: signPk hex -> entry. A declaration counts only if the
 * member wrote it (`authors` names the verified writer of the Yjs item holding it); a value that
 * another member wrote there, or a deletion of the entry, marks the entry `overwritten` (the
 * member's earlier value is gone from the document, garbage-collected). Malformed entries the
 * member wrote themselves are dropped and counted. No count cap: a cap let junk entries written
 * first push a member's entry out; the work is linear in the map, which receipt already bounds.
 */
export function readPeople(
  indexDoc: Y.Doc,
  authors: ClientAuthors,
): {
  readonly people: ReadonlyMap<string, PersonEntry>;
  readonly dropped: number;
} {
  const people = new Map<string, PersonEntry>();
  let dropped = 0;
  const map = cellIndexMaps(indexDoc).people;
  for (const [signPkHex, item] of map._map) {
    if (!isSignPkHex(signPkHex)) {
      if (!item.deleted) dropped++;
      continue;
    }
    if (item.deleted) {
      people.set(signPkHex, { insideCountry: undefined, overwritten: true });
      continue;
    }
    const entry = entryMap(map.get(signPkHex));
    const inside = entry ? fields.boolean(entry, 'insideCountry') : undefined;
    const insideWriter = entry ? writerOf(entry, 'insideCountry', authors) : undefined;
    if (inside !== undefined && insideWriter === signPkHex) {
      people.set(signPkHex, { insideCountry: inside, overwritten: false });
    } else if (
      authors(item.id.client) !== signPkHex ||
      (entry !== undefined &&
        ((insideWriter !== undefined && insideWriter !== signPkHex) ||
          wasDeleted(entry, 'insideCountry') ||
          (entry.has('insideCountry') && insideWriter === undefined)))
    ) {
      people.set(signPkHex, { insideCountry: undefined, overwritten: true });
    } else {
      dropped++;
    }
  }
  return { people, dropped };
}
