import type * as Y from 'yjs';
import { err, ok, type Result } from '../util/result.ts';
import { CELL_LIMITS } from './cellLimits.ts';
import { cleanLabels } from './cleanLabels.ts';
import { cleanLine } from './cleanLine.ts';
import { isDueDate } from './isDueDate.ts';
import { taskEntry } from './taskEntry.ts';

export interface TaskChange {
  readonly title?: string;
  readonly notes?: string;
  /** YYYY-MM-DD or '' to clear. */
  readonly due?: string;
  readonly labels?: readonly string[];
  readonly exposing?: boolean;
}

export type TaskChangeError = 'not_found' | 'empty_title' | 'bad_due' | 'notes_too_long';

/**
 * Edits a task's fields in one transaction, writing only the fields that changed so that a
 * concurrent edit of another field by someone else survives. (Assignee: assignTask; column and
 * position: moveTask.)
 */
export function updateTask(
  boardDoc: Y.Doc,
  taskId: string,
  change: TaskChange,
): Result<void, TaskChangeError> {
  const found = taskEntry(boardDoc, taskId);
  if (!found) return err('not_found');
  const { map, task } = found;
  const title =
    change.title === undefined ? task.title : cleanLine(change.title, CELL_LIMITS.titleMaxChars);
  if (title === '') return err('empty_title');
  const due = change.due ?? task.due;
  if (due !== '' && !isDueDate(due)) return err('bad_due');
  const notes = change.notes ?? task.notes;
  if (notes.length > CELL_LIMITS.notesMaxChars) return err('notes_too_long');
  const labels = change.labels === undefined ? task.labels : cleanLabels(change.labels);
  const exposing = change.exposing ?? task.exposing;
  boardDoc.transact(() => {
    if (title !== task.title) map.set('title', title);
    if (notes !== task.notes) map.set('notes', notes);
    if (due !== task.due) map.set('due', due);
    if (labels.join('\n') !== task.labels.join('\n')) map.set('labels', [...labels]);
    if (exposing !== task.exposing) map.set('exposing', exposing);
  });
  return ok(undefined);
}
