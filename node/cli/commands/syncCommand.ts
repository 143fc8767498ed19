import type { FlagValues } from '../commandSpecs.ts';
import type { CommandContext } from '../CommandContext.ts';
import { done, failure, type CommandResult } from '../CommandResult.ts';
import { withHome } from '../Home.ts';
import { loadNodeTransport } from '../loadNodeTransport.ts';
import { syncProbe } from '../syncProbe.ts';
import { waitForQuiet } from '../waitForQuiet.ts';
import { warnEquivocators } from '../warnEquivocators.ts';
import { withCell } from '../withCell.ts';

/**
 * `quire sync`: online until a peer (member or relay) is reached, nothing moved for 2 s and
 * nothing of ours is left to send.
 */
export function syncCommand(
  flags: FlagValues<'sync'>,
  ctx: CommandContext,
): Promise<CommandResult> {
  return withHome(flags.home, ctx, async (home) => {
    const transport = await loadNodeTransport();
    return withCell(home, flags.cell, transport, async (cell) => {
      const probe = syncProbe(cell.sync, transport);
      const outcome = await waitForQuiet(probe, {
        quietMs: 2000,
        timeoutMs: flags.timeout * 1000,
        onStop: (l) => ctx.io.onStop(l),
      }).finally(() => probe.close());
      warnEquivocators(cell, ctx.io);
      const awaited = cell.epochsAwaitingWraps();
      if (awaited.length > 0)
        // The app's status line says the same: keys of these epochs reached this home only in
        // copies whose wraps were pruned, so it waits for a member who still holds them.
        ctx.io.err(
          `warning: the key of epoch ${awaited.join(', ')} has not reached this home yet; it arrives when a member who still holds it is online`,
        );
      if (outcome === 'timeout')
        return failure('timeout', `no complete sync within ${flags.timeout} s`);
      if (outcome === 'stopped') return failure('failed', 'stopped before the sync completed');
      return done();
    });
  });
}
