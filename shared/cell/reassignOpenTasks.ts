import type * as Y from 'yjs';
import { assignTask } from './assignTask.ts';
import { needsExposureWarning } from './needsExposureWarning.ts';
import type { PersonEntry } from './readPeople.ts';
import type { Task } from './Task.ts';

/** Tasks not done that are given to any of `keys` (one person's current and earlier keys). */
export const openTasksOf = (tasks: readonly Task[], keys: readonly string[]): Task[] =>
  tasks.filter(
    (task) => task.status !== 'done' && task.assignee !== '' && keys.includes(task.assignee),
  );

/**
 * Gives a departing member's open tasks to `to` (signPk hex), or to nobody (''), in one
 * transaction. Exposing work that would need a warning for `to` (needsExposureWarning) is not
 * moved to them but left unassigned: the board asks before such a task is given; the count of
 * those is returned so the caller can say so.
 */
export function reassignOpenTasks(
  boardDoc: Y.Doc,
  open: readonly Task[],
  to: string,
  person: PersonEntry | undefined,
): { readonly reassigned: number; readonly leftUnassigned: number } {
  let reassigned = 0;
  let leftUnassigned = 0;
  boardDoc.transact(() => {
    for (const task of open) {
      const risky = to !== '' && needsExposureWarning(task, person);
      if (assignTask(boardDoc, task.id, risky ? '' : to).ok) {
        if (risky || to === '') leftUnassigned++;
        else reassigned++;
      }
    }
  });
  return { reassigned, leftUnassigned };
}
