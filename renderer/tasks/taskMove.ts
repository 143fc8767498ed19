import type { Task } from '../../shared/cell/Task.ts';
import { TASK_STATUSES, type TaskStatus } from '../../shared/cell/TaskStatus.ts';

export type MoveDirection = 'up' | 'down' | 'left' | 'right';

/**
 * Where a keyboard move takes a task on the board (`tasks` sorted as listTasks returns them):
 * up/down within its column, left/right to the neighbouring column at the same height (or its
 * end). Undefined when the move would leave the board.
 */
export function taskMove(
  tasks: readonly Task[],
  taskId: string,
  direction: MoveDirection,
): { readonly status: TaskStatus; readonly index: number } | undefined {
  const task = tasks.find((t) => t.id === taskId);
  if (!task) return undefined;
  const column = tasks.filter((t) => t.status === task.status);
  const index = column.findIndex((t) => t.id === taskId);
  if (direction === 'up') return index > 0 ? { status: task.status, index: index - 1 } : undefined;
  if (direction === 'down') {
    return index < column.length - 1 ? { status: task.status, index: index + 1 } : undefined;
  }
  const target =
    TASK_STATUSES[TASK_STATUSES.indexOf(task.status) + (direction === 'left' ? -1 : 1)];
  if (!target) return undefined;
  return {
    status: target,
    index: Math.min(index, tasks.filter((t) => t.status === target).length),
  };
}
