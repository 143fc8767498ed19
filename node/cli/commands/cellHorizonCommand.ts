import { CELL_INDEX_DOC_ID } from '../../../shared/cell/cellIndexDocId.ts';
import { setHorizonPolicy } from '../../../shared/cell/setHorizonPolicy.ts';
import type { FlagValues } from '../commandSpecs.ts';
import type { CommandContext } from '../CommandContext.ts';
import { done, type CommandResult } from '../CommandResult.ts';
import { withHome } from '../Home.ts';
import { asCoordinator } from '../withCell.ts';

/**
 * `quire cell horizon`: the cell's history horizon (PROTOCOL §11.5), as a coordinator sets it in
 * Cell settings: keep the past that many days, or until the next issue is printed. An edit of the
 * cell index like any, local until the next `serve` or `sync` publishes it.
 */
export function cellHorizonCommand(
  flags: FlagValues<'cell horizon'>,
  ctx: CommandContext,
): Promise<CommandResult> {
  return withHome(flags.home, ctx, (home) =>
    asCoordinator(home, flags.cell, ctx.io.scheduler, (cell) => {
      const keep = flags.keep === 'issue' ? 'issue' : Number(flags.keep);
      setHorizonPolicy(cell.sync.doc(CELL_INDEX_DOC_ID), keep);
      return Promise.resolve(done());
    }),
  );
}
