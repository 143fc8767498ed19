import type { Task } from '../../shared/cell/Task.ts';

export type TaskFilter = 'all' | 'mine' | 'unassigned';

/**
 * The tasks the board shows: all; only mine; or only work nobody in the cell is doing (no
 * assignee, or one no longer a member, e.g. removed), which is what needs picking up.
 * `isMember` knows re-keyed members by their earlier keys too.
 */
export function filterTasks(
  tasks: readonly Task[],
  filter: TaskFilter,
  me: string,
  isMember: (signPkHex: string) => boolean,
): readonly Task[] {
  if (filter === 'mine') return tasks.filter((task) => task.assignee === me);
  if (filter === 'unassigned')
    return tasks.filter((task) => task.assignee === '' || !isMember(task.assignee));
  return tasks;
}
