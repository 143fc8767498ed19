import { toHex } from '../../../shared/crypto/bytes.ts';
import { addTask } from '../../../shared/cell/addTask.ts';
import { assignTask } from '../../../shared/cell/assignTask.ts';
import { TASK_BOARD_DOC_ID } from '../../../shared/cell/taskBoardDocId.ts';
import type { FlagValues } from '../commandSpecs.ts';
import type { CommandContext } from '../CommandContext.ts';
import { done, failure, type CommandResult } from '../CommandResult.ts';
import { withHome } from '../Home.ts';
import { findMember, requireWriter, withCell } from '../withCell.ts';

/** `quire task add`: a new task in the to-do column, optionally given to a member; prints its id. */
export function taskAddCommand(
  flags: FlagValues<'task add'>,
  ctx: CommandContext,
): Promise<CommandResult> {
  return withHome(flags.home, ctx, (home) =>
    withCell(home, flags.cell, undefined, (cell) => {
      const denied = requireWriter(cell);
      if (denied) return Promise.resolve(denied);
      let assignee: string | undefined;
      if (flags.assignee !== undefined) {
        const member = findMember(cell, flags.assignee);
        if (!member.ok) return Promise.resolve(member.result);
        assignee = member.hex;
      }
      const board = cell.sync.doc(TASK_BOARD_DOC_ID);
      const added = addTask(board, flags.title, toHex(cell.me.signPk), {
        authors: cell.sync.clientAuthors(TASK_BOARD_DOC_ID),
      });
      if (!added.ok) return Promise.resolve(failure('usage', `invalid --title (${added.error})`));
      if (assignee !== undefined) assignTask(board, added.value, assignee);
      ctx.io.out(added.value);
      return Promise.resolve(done());
    }),
  );
}
