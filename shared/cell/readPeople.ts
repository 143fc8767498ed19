import type * as Y from 'yjs';
import { cellIndexMaps } from './cellIndexMaps.ts';
import { CELL_LIMITS } from './cellLimits.ts';
import { entryMap, fields } from './fields.ts';
import { isSignPkHex } from './ids.ts';

export interface PersonEntry {
  readonly insideCountry: boolean;
}

/** Who marked themselves inside the country: signPk hex -> entry; malformed entries dropped. */
export function readPeople(indexDoc: Y.Doc): {
  readonly people: ReadonlyMap<string, PersonEntry>;
  readonly dropped: number;
} {
  const people = new Map<string, PersonEntry>();
  let dropped = 0;
  for (const [signPkHex, value] of cellIndexMaps(indexDoc).people.entries()) {
    const map = entryMap(value);
    const insideCountry = map ? fields.boolean(map, 'insideCountry') : undefined;
    if (
      people.size < CELL_LIMITS.peopleMax &&
      isSignPkHex(signPkHex) &&
      insideCountry !== undefined
    ) {
      people.set(signPkHex, { insideCountry });
    } else {
      dropped++;
    }
  }
  return { people, dropped };
}
