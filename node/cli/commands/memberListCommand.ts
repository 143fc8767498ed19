import type { FlagValues } from '../commandSpecs.ts';
import type { CommandContext } from '../CommandContext.ts';
import { done, type CommandResult } from '../CommandResult.ts';
import { withHome } from '../Home.ts';
import { warnEquivocators } from '../warnEquivocators.ts';
import { withCell } from '../withCell.ts';

/** `quire member list`: `pseudonym<TAB>role` per current member, in roster order. */
export function memberListCommand(
  flags: FlagValues<'member list'>,
  ctx: CommandContext,
): Promise<CommandResult> {
  return withHome(flags.home, ctx, (home) =>
    withCell(home, flags.cell, undefined, (cell) => {
      for (const m of cell.currentRoster().members.values())
        ctx.io.out(`${m.pseudonym}\t${m.role}`);
      warnEquivocators(cell, ctx.io);
      return Promise.resolve(done());
    }),
  );
}
