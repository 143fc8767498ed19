import * as Y from 'yjs';
import { err, ok, type Result } from '../util/result.ts';
import { cellIndexMaps } from './cellIndexMaps.ts';
import { CELL_LIMITS } from './cellLimits.ts';
import { cleanLine } from './cleanLine.ts';
import { isDraftId, isSignPkHex, newId } from './ids.ts';

/**
 * Adds a draft to the cell index in one transaction and returns its random id (the draft's own
 * document id is the id's bytes, see draftDocId). Status starts at 'idea'.
 */
export function createDraft(
  indexDoc: Y.Doc,
  title: string,
  by: string,
  now: number = Date.now(),
): Result<string, 'empty_title' | 'bad_author'> {
  if (!isSignPkHex(by)) return err('bad_author');
  const clean = cleanLine(title, CELL_LIMITS.titleMaxChars);
  if (clean === '') return err('empty_title');
  let id = newId();
  while (!isDraftId(id)) id = newId();
  indexDoc.transact(() => {
    const entry = new Y.Map<unknown>();
    cellIndexMaps(indexDoc).drafts.set(id, entry);
    entry.set('title', clean);
    entry.set('status', 'idea');
    entry.set('createdAt', now);
    entry.set('updatedAt', now);
    entry.set('updatedBy', by);
    entry.set('words', 0);
  });
  return ok(id);
}
