import { CELL_INDEX_DOC_ID } from '../../shared/cell/cellIndexDocId.ts';
import { listTasks } from '../../shared/cell/listTasks.ts';
import { readPeople } from '../../shared/cell/readPeople.ts';
import { openTasksOf, reassignOpenTasks } from '../../shared/cell/reassignOpenTasks.ts';
import { TASK_BOARD_DOC_ID } from '../../shared/cell/taskBoardDocId.ts';
import type { CellSession, MemberView } from '../session/CellSession.ts';

/** A member's open tasks as the removal dialog offers to hand them over (issue #19 item 1). */
export interface TaskHandover {
  readonly open: number;
  /** Who may take them: members other than the one leaving, relays excepted. */
  readonly targets: readonly MemberView[];
  reassign(to: string): { readonly reassigned: number; readonly leftUnassigned: number };
}

export function taskHandover(session: CellSession, member: MemberView): TaskHandover {
  const boardDoc = session.doc(TASK_BOARD_DOC_ID);
  const keys = [member.signPkHex, ...(member.formerKeys ?? [])];
  const open = openTasksOf(listTasks(boardDoc, session.authors(TASK_BOARD_DOC_ID)).entries, keys);
  return {
    open: open.length,
    targets: session
      .members()
      .filter((m) => m.role !== 'relay' && m.signPkHex !== member.signPkHex),
    reassign: (to) => {
      const people = readPeople(
        session.doc(CELL_INDEX_DOC_ID),
        session.authors(CELL_INDEX_DOC_ID),
      ).people;
      return reassignOpenTasks(boardDoc, open, to, people.get(to));
    },
  };
}
