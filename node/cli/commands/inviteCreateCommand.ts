import { createInvite } from '../../../shared/runtime/cellGovernance.ts';
import type { FlagValues } from '../commandSpecs.ts';
import type { CommandContext } from '../CommandContext.ts';
import { done, failure, type CommandResult } from '../CommandResult.ts';
import { withHome } from '../Home.ts';
import { requireCoordinator, withCell } from '../withCell.ts';

/**
 * `quire invite create`: posts the `invite` op (published when this home next goes online) and
 * prints the one-time code. A coordinator then hosts it with `quire serve --approve-all`.
 */
export function inviteCreateCommand(
  flags: FlagValues<'invite create'>,
  ctx: CommandContext,
): Promise<CommandResult> {
  return withHome(flags.home, ctx, (home) =>
    withCell(home, flags.cell, undefined, async (cell) => {
      const denied = requireCoordinator(cell);
      if (denied) return denied;
      const invite = await createInvite(cell, flags.role, flags.expires, '', Date.now());
      if (!invite.ok) return failure('failed', `could not create the invite (${invite.error})`);
      ctx.io.out(invite.value.code);
      return done();
    }),
  );
}
