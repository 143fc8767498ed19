import type * as Y from 'yjs';
import { boardTasks } from './boardTasks.ts';
import { capPerWriter } from './capPerWriter.ts';
import type { ClientAuthors } from './ClientAuthors.ts';
import { CELL_LIMITS } from './cellLimits.ts';
import type { Listing } from './DraftEntry.ts';
import { readTask } from './readTask.ts';
import type { Task } from './Task.ts';
import { TASK_STATUSES } from './TaskStatus.ts';

/** Board order: column (to do, doing, done), then order, then id, so every peer agrees. */
export const compareTasks = (a: Task, b: Task): number =>
  TASK_STATUSES.indexOf(a.status) - TASK_STATUSES.indexOf(b.status) ||
  a.order - b.order ||
  (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The valid tasks of the board, sorted (compareTasks); malformed entries and entries past the cap
 * (per writer: capPerWriter) dropped and counted. Pass `authors` for a verified creator
 * (readTask) and a cap per verified writer rather than per clientID.
 */
export function listTasks(boardDoc: Y.Doc, authors?: ClientAuthors): Listing<Task> {
  const tasks = boardTasks(boardDoc);
  const capped = capPerWriter(tasks, CELL_LIMITS.tasksMax, authors);
  const entries: Task[] = [];
  let dropped = capped.dropped;
  for (const id of capped.keys) {
    const task = readTask(id, tasks.get(id), authors);
    if (task) entries.push(task);
    else dropped++;
  }
  entries.sort(compareTasks);
  return { entries, dropped };
}
