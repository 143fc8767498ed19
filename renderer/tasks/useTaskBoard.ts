import { useCallback } from 'react';
import type * as Y from 'yjs';
import { CELL_INDEX_DOC_ID } from '../../shared/cell/cellIndexDocId.ts';
import { listTasks } from '../../shared/cell/listTasks.ts';
import { readPeople } from '../../shared/cell/readPeople.ts';
import { TASK_BOARD_DOC_ID } from '../../shared/cell/taskBoardDocId.ts';
import { useYValue } from '../drafts/useYValue.ts';
import type { CellSession } from '../session/CellSession.ts';
import { useSessionDoc } from '../session/useSessionDoc.ts';

/** The board's validated tasks and the people map (who said they are inside: verified), live. */
export function useTaskBoard(session: CellSession): {
  readonly boardDoc: Y.Doc;
  readonly indexDoc: Y.Doc;
  readonly tasks: ReturnType<typeof listTasks>;
  readonly people: ReturnType<typeof readPeople>['people'];
} {
  // Taken again when a fork heal replaces either (the board's observers and writes move with it).
  const [boardDoc] = useSessionDoc(session, TASK_BOARD_DOC_ID);
  const [indexDoc] = useSessionDoc(session, CELL_INDEX_DOC_ID);
  const readTasks = useCallback(
    () => listTasks(boardDoc, session.authors(TASK_BOARD_DOC_ID)),
    [boardDoc, session],
  );
  const readPeopleMap = useCallback(
    () => readPeople(indexDoc, session.authors(CELL_INDEX_DOC_ID)),
    [indexDoc, session],
  );
  const tasks = useYValue(boardDoc, readTasks);
  const { people } = useYValue(indexDoc, readPeopleMap);
  return { boardDoc, indexDoc, tasks, people };
}
