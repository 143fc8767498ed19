import * as Y from 'yjs';
import { boardTasks } from './boardTasks.ts';
import { readTask } from './readTask.ts';
import type { Task } from './Task.ts';

/** The live Y.Map of a valid task, with its validated view; undefined if missing or malformed. */
export function taskEntry(
  boardDoc: Y.Doc,
  taskId: string,
): { readonly map: Y.Map<unknown>; readonly task: Task } | undefined {
  const value = boardTasks(boardDoc).get(taskId);
  const task = readTask(taskId, value);
  return task && value instanceof Y.Map ? { map: value as Y.Map<unknown>, task } : undefined;
}
