import type * as Y from 'yjs';
import { err, ok, type Result } from '../util/result.ts';
import { isSignPkHex } from './ids.ts';
import { taskEntry } from './taskEntry.ts';

/**
 * Gives a task to a member (signPk hex) or takes it back (''). Whether to warn first is the
 * caller's decision (needsExposureWarning): this only writes.
 */
export function assignTask(
  boardDoc: Y.Doc,
  taskId: string,
  assignee: string,
): Result<void, 'not_found' | 'bad_assignee'> {
  if (assignee !== '' && !isSignPkHex(assignee)) return err('bad_assignee');
  const found = taskEntry(boardDoc, taskId);
  if (!found) return err('not_found');
  if (found.task.assignee !== assignee) found.map.set('assignee', assignee);
  return ok(undefined);
}
