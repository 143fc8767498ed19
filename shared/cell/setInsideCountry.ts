import * as Y from 'yjs';
import { err, ok, type Result } from '../util/result.ts';
import { cellIndexMaps } from './cellIndexMaps.ts';
import { isSignPkHex } from './ids.ts';

/**
 * A member marks themselves as inside the country (or not). Only ever called with the caller's
 * own key: the UI offers no way to mark someone else, and a value written for someone else does
 * not count as theirs (readPeople checks who wrote it). Writing again restores one's own value.
 */
export function setInsideCountry(
  indexDoc: Y.Doc,
  signPkHex: string,
  insideCountry: boolean,
): Result<void, 'bad_member'> {
  if (!isSignPkHex(signPkHex)) return err('bad_member');
  const people = cellIndexMaps(indexDoc).people;
  indexDoc.transact(() => {
    let entry = people.get(signPkHex);
    if (!(entry instanceof Y.Map)) {
      entry = new Y.Map<unknown>();
      people.set(signPkHex, entry);
    }
    (entry as Y.Map<unknown>).set('insideCountry', insideCountry);
  });
  return ok(undefined);
}
