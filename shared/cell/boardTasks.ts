import type * as Y from 'yjs';

/**
 * The task board doc (TASK_BOARD_DOC_ID) holds one top-level map 'tasks': taskId (32 hex) ->
 * Y.Map { title, notes, status, order, assignee, due, labels, exposing, createdAt, createdBy }.
 */
export const boardTasks = (boardDoc: Y.Doc): Y.Map<unknown> => boardDoc.getMap<unknown>('tasks');
