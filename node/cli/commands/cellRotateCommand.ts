import type { FlagValues } from '../commandSpecs.ts';
import type { CommandContext } from '../CommandContext.ts';
import { done, failure, type CommandResult } from '../CommandResult.ts';
import { withHome } from '../Home.ts';
import { asCoordinator } from '../withCell.ts';

/**
 * `quire cell rotate`: "Rotate now" of the history horizon (PROTOCOL §11.5): named versions past
 * the horizon go first, then a new epoch key is wrapped to every current identity. Once every
 * member acknowledged the new epoch, each device forgets the older ones. Local until the next
 * `serve` or `sync` publishes it; prints the new epoch.
 */
export function cellRotateCommand(
  flags: FlagValues<'cell rotate'>,
  ctx: CommandContext,
): Promise<CommandResult> {
  return withHome(flags.home, ctx, (home) =>
    asCoordinator(home, flags.cell, ctx.io.scheduler, async (cell) => {
      const before = cell.currentRoster().epoch;
      await cell.horizon.rotateNow();
      const after = cell.currentRoster().epoch;
      if (after <= before) return failure('failed', 'the key rotation was refused');
      ctx.io.out(String(after));
      return done();
    }),
  );
}
