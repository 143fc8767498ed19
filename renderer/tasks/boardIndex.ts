import type { Task } from '../../shared/cell/Task.ts';
import type { TaskStatus } from '../../shared/cell/TaskStatus.ts';

/**
 * Translates a position among the tasks on screen (a filter such as "only my tasks" may hide
 * some) into the position moveTask expects among all tasks of the column, both counted without
 * the task being moved: before the visible task now at that position, or just after the last
 * visible one.
 */
export function boardIndex(
  all: readonly Task[],
  visible: readonly Task[],
  status: TaskStatus,
  visibleIndex: number,
  movingId: string,
): number {
  const inColumn = (task: Task): boolean => task.status === status && task.id !== movingId;
  const full = all.filter(inColumn);
  const shown = visible.filter(inColumn);
  const before = shown[visibleIndex];
  if (before) return full.findIndex((task) => task.id === before.id);
  const last = shown.at(-1);
  return last ? full.findIndex((task) => task.id === last.id) + 1 : full.length;
}
