import * as Y from 'yjs';
import { err, ok, type Result } from '../util/result.ts';
import { CELL_LIMITS } from './cellLimits.ts';
import { cleanLine } from './cleanLine.ts';
import { copyBody } from './copyBody.ts';
import { draftBody } from './draftBody.ts';
import { draftVersions } from './draftVersions.ts';
import { isSignPkHex, newId } from './ids.ts';

export type SaveVersionError = 'empty_name' | 'bad_author' | 'too_large' | 'malformed';

/** Saves a named copy of the draft's body as it is now; returns the version id. */
export function saveVersion(
  draftDoc: Y.Doc,
  name: string,
  by: string,
  now: number = Date.now(),
): Result<string, SaveVersionError> {
  const clean = cleanLine(name, CELL_LIMITS.versionNameMaxChars);
  if (clean === '') return err('empty_name');
  if (!isSignPkHex(by)) return err('bad_author');
  const copy = new Y.Doc();
  let state: Uint8Array;
  try {
    draftBody(copy).insert(0, copyBody(draftDoc));
    state = Y.encodeStateAsUpdate(copy);
  } catch {
    return err('malformed');
  } finally {
    copy.destroy();
  }
  if (state.length > CELL_LIMITS.versionStateMaxBytes) return err('too_large');
  const id = newId();
  draftDoc.transact(() => {
    const entry = new Y.Map<unknown>();
    draftVersions(draftDoc).set(id, entry);
    entry.set('name', clean);
    entry.set('at', now);
    entry.set('by', by);
    entry.set('state', state);
  });
  return ok(id);
}
