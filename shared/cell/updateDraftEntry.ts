import * as Y from 'yjs';
import { err, ok, type Result } from '../util/result.ts';
import { cellIndexMaps } from './cellIndexMaps.ts';
import { CELL_LIMITS } from './cellLimits.ts';
import { cleanLine } from './cleanLine.ts';
import { isDraftStatus, type DraftStatus } from './DraftStatus.ts';
import { isSignPkHex } from './ids.ts';
import { readDraftEntry } from './readDraftEntry.ts';

export interface DraftEntryChange {
  readonly title?: string;
  /** The printed headline; '' removes it (the working title prints again). */
  readonly headline?: string;
  readonly status?: DraftStatus;
  /** Recorded after an edit of the body: who, when, and the new word count. */
  readonly edit?: { readonly by: string; readonly at: number; readonly words: number };
}

export type DraftEntryError = 'not_found' | 'empty_title' | 'bad_status' | 'bad_edit';

/**
 * Renames a draft, sets or clears its printed headline, sets its status or records an edit, in one transaction. Only the named fields
 * are written, so concurrent changes of different fields (a rename and a status) both survive.
 */
export function updateDraftEntry(
  indexDoc: Y.Doc,
  draftId: string,
  change: DraftEntryChange,
): Result<void, DraftEntryError> {
  const value = cellIndexMaps(indexDoc).drafts.get(draftId);
  if (!(value instanceof Y.Map) || !readDraftEntry(draftId, value)) return err('not_found');
  const entry = value as Y.Map<unknown>;
  const title =
    change.title === undefined ? undefined : cleanLine(change.title, CELL_LIMITS.titleMaxChars);
  if (title === '') return err('empty_title');
  const headline =
    change.headline === undefined
      ? undefined
      : cleanLine(change.headline, CELL_LIMITS.titleMaxChars);
  if (change.status !== undefined && !isDraftStatus(change.status)) return err('bad_status');
  const edit = change.edit;
  if (
    edit &&
    (!Number.isInteger(edit.words) || edit.words < 0 || !isSignPkHex(edit.by) || !(edit.at >= 0))
  ) {
    return err('bad_edit');
  }
  indexDoc.transact(() => {
    if (title !== undefined && title !== entry.get('title')) entry.set('title', title);
    if (headline === '') {
      if (entry.has('headline')) entry.delete('headline');
    } else if (headline !== undefined && headline !== entry.get('headline')) {
      entry.set('headline', headline);
    }
    if (change.status !== undefined && change.status !== entry.get('status')) {
      entry.set('status', change.status);
    }
    if (edit) {
      entry.set('updatedAt', edit.at);
      if (edit.by !== entry.get('updatedBy')) entry.set('updatedBy', edit.by);
      if (edit.words !== entry.get('words')) entry.set('words', edit.words);
    }
  });
  return ok(undefined);
}
