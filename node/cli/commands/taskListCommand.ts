import { listTasks } from '../../../shared/cell/listTasks.ts';
import { TASK_BOARD_DOC_ID } from '../../../shared/cell/taskBoardDocId.ts';
import type { FlagValues } from '../commandSpecs.ts';
import type { CommandContext } from '../CommandContext.ts';
import { done, type CommandResult } from '../CommandResult.ts';
import { withHome } from '../Home.ts';
import { warnEquivocators } from '../warnEquivocators.ts';
import { withCell } from '../withCell.ts';

/** `quire task list`: `id<TAB>status<TAB>assignee<TAB>title` per task, in board order; `-` when unassigned. */
export function taskListCommand(
  flags: FlagValues<'task list'>,
  ctx: CommandContext,
): Promise<CommandResult> {
  return withHome(flags.home, ctx, (home) =>
    withCell(home, flags.cell, undefined, (cell) => {
      const members = cell.currentRoster().members;
      const board = cell.sync.doc(TASK_BOARD_DOC_ID);
      for (const task of listTasks(board, cell.sync.clientAuthors(TASK_BOARD_DOC_ID)).entries) {
        // A former member shows as the start of their key: the roster no longer names them.
        const who =
          task.assignee === ''
            ? '-'
            : (members.get(task.assignee)?.pseudonym ?? task.assignee.slice(0, 8));
        ctx.io.out([task.id, task.status, who, task.title].join('\t'));
      }
      warnEquivocators(cell, ctx.io);
      return Promise.resolve(done());
    }),
  );
}
