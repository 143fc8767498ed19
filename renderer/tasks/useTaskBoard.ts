import { useCallback, useMemo } from 'react';
import type * as Y from 'yjs';
import { CELL_INDEX_DOC_ID } from '../../shared/cell/cellIndexDocId.ts';
import { listTasks } from '../../shared/cell/listTasks.ts';
import { readPeople } from '../../shared/cell/readPeople.ts';
import { TASK_BOARD_DOC_ID } from '../../shared/cell/taskBoardDocId.ts';
import { useYValue } from '../drafts/useYValue.ts';
import type { CellSession } from '../session/CellSession.ts';

/** The board's validated tasks and the people map (who said they are inside: verified), live. */
export function useTaskBoard(session: CellSession): {
  readonly boardDoc: Y.Doc;
  readonly indexDoc: Y.Doc;
  readonly tasks: ReturnType<typeof listTasks>;
  readonly people: ReturnType<typeof readPeople>['people'];
} {
  const { boardDoc, indexDoc } = useMemo(
    () => ({ boardDoc: session.doc(TASK_BOARD_DOC_ID), indexDoc: session.doc(CELL_INDEX_DOC_ID) }),
    [session],
  );
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
