import type { FlagValues } from '../commandSpecs.ts';
import type { CommandContext } from '../CommandContext.ts';
import { done, failure, type CommandResult } from '../CommandResult.ts';
import { withHome } from '../Home.ts';
import { requireCoordinator, withCell } from '../withCell.ts';

/**
 * `quire cell comments`: whether readers may comment (issue 17), as a coordinator sets it in Cell
 * settings. Prints `readers<TAB>on|off` (the coordinators' choice; `off (tampered)` when someone
 * else wrote it) and `now<TAB>allowed|refused` (what peers enforce in the epoch this device writes
 * in: a choice of off stops readers at the next key change, `quire cell rotate`). With
 * `--readers on|off` a coordinator sets it first: an edit of the cell index like any, local until
 * the next `serve` or `sync` publishes it.
 */
export function cellCommentsCommand(
  flags: FlagValues<'cell comments'>,
  ctx: CommandContext,
): Promise<CommandResult> {
  return withHome(flags.home, ctx, (home) =>
    withCell(
      home,
      flags.cell,
      undefined,
      (cell) => {
        if (flags.readers !== undefined) {
          if (flags.readers !== 'on' && flags.readers !== 'off')
            return Promise.resolve(failure('usage', '--readers must be on or off'));
          const denied = requireCoordinator(cell);
          if (denied) return Promise.resolve(denied);
          cell.readerComments.set(flags.readers === 'on');
        }
        const setting = cell.readerComments.setting();
        const choice = setting.on ? 'on' : setting.tampered ? 'off (tampered)' : 'off';
        ctx.io.out(`readers\t${choice}`);
        ctx.io.out(`now\t${cell.readerComments.allowedNow() ? 'allowed' : 'refused'}`);
        return Promise.resolve(done());
      },
      ctx.io.scheduler,
    ),
  );
}
