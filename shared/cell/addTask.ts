import * as Y from 'yjs';
import { err, ok, type Result } from '../util/result.ts';
import { boardTasks } from './boardTasks.ts';
import { CELL_LIMITS } from './cellLimits.ts';
import type { ClientAuthors } from './ClientAuthors.ts';
import { cleanLine } from './cleanLine.ts';
import { isSignPkHex, newId } from './ids.ts';
import { listTasks } from './listTasks.ts';
import { orderBetween } from './orderBetween.ts';
import type { TaskStatus } from './TaskStatus.ts';

/** Adds a task at the end of a column (to do by default) and returns its random id. */
export function addTask(
  boardDoc: Y.Doc,
  title: string,
  by: string,
  options: {
    readonly status?: TaskStatus;
    readonly now?: number;
    /** The board's verified authors: the column is read as the board shows it (capPerWriter). */
    readonly authors?: ClientAuthors;
  } = {},
): Result<string, 'empty_title' | 'bad_author'> {
  const clean = cleanLine(title, CELL_LIMITS.titleMaxChars);
  if (clean === '') return err('empty_title');
  if (!isSignPkHex(by)) return err('bad_author');
  const status = options.status ?? 'todo';
  const column = listTasks(boardDoc, options.authors).entries.filter(
    (task) => task.status === status,
  );
  const order = orderBetween(column.at(-1)?.order, undefined) ?? column.length;
  const id = newId();
  boardDoc.transact(() => {
    const task = new Y.Map<unknown>();
    boardTasks(boardDoc).set(id, task);
    task.set('title', clean);
    task.set('notes', '');
    task.set('status', status);
    task.set('order', order);
    task.set('assignee', '');
    task.set('due', '');
    task.set('labels', []);
    task.set('exposing', false);
    task.set('createdAt', options.now ?? Date.now());
    task.set('createdBy', by);
  });
  return ok(id);
}
