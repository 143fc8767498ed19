import type * as Y from 'yjs';
import { err, ok, type Result } from '../util/result.ts';
import type { ClientAuthors } from './ClientAuthors.ts';
import { listTasks } from './listTasks.ts';
import { orderBetween } from './orderBetween.ts';
import { taskEntry } from './taskEntry.ts';
import { isTaskStatus, type TaskStatus } from './TaskStatus.ts';

/**
 * Moves a task to `index` within column `status` (index counted without the task itself,
 * clamped). Writes the new status and order in one transaction; concurrent moves converge
 * because every peer sorts by (column, order, id). When no order fits between the neighbours,
 * the whole column is renumbered.
 */
export function moveTask(
  boardDoc: Y.Doc,
  taskId: string,
  status: TaskStatus,
  index: number,
  /** The board's verified authors: `index` counts in the column as the board shows it. */
  authors?: ClientAuthors,
): Result<void, 'not_found' | 'bad_status'> {
  if (!isTaskStatus(status)) return err('bad_status');
  const found = taskEntry(boardDoc, taskId);
  if (!found) return err('not_found');
  const column = listTasks(boardDoc, authors).entries.filter(
    (task) => task.status === status && task.id !== taskId,
  );
  const at = Math.max(0, Math.min(column.length, Number.isFinite(index) ? Math.trunc(index) : 0));
  const order = orderBetween(column[at - 1]?.order, column[at]?.order);
  boardDoc.transact(() => {
    if (found.task.status !== status) found.map.set('status', status);
    if (order !== undefined) {
      if (order !== found.task.order) found.map.set('order', order);
      return;
    }
    const renumbered = [...column.slice(0, at), found.task, ...column.slice(at)];
    renumbered.forEach((task, position) => {
      const entry = task.id === taskId ? found : taskEntry(boardDoc, task.id);
      if (entry && entry.task.order !== position) entry.map.set('order', position);
    });
  });
  return ok(undefined);
}
