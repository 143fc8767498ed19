import type { Decision } from '../../../shared/join/InviteHost.ts';
import { CellRuntime } from '../../../shared/runtime/CellRuntime.ts';
import { InviteHosting } from '../../../shared/runtime/InviteHosting.ts';
import { openFinishingRekey } from '../../../shared/runtime/openFinishingRekey.ts';
import type { FlagValues } from '../commandSpecs.ts';
import type { CommandContext } from '../CommandContext.ts';
import { done, failure, type CommandResult } from '../CommandResult.ts';
import { startChaffTimer } from '../../../shared/vault/startChaffTimer.ts';
import { withHome } from '../Home.ts';
import { loadNodeTransport } from '../loadNodeTransport.ts';
import { nodeSignalingSockets } from '../../transport/nodeSignalingSockets.ts';
import { INVITE_CONNECT_JITTER_MS } from '../../../shared/join/InviteTransport.ts';
import { waitForStop } from '../waitForStop.ts';

/** --approve-all: every request that passed the invite checks is admitted, with history. */
const approveAll = (): Promise<Decision> => Promise.resolve({ approve: true, historyAccess: true });

/**
 * `quire serve`: every member cell of the home online until --for elapses or SIGINT/SIGTERM;
 * with --approve-all it hosts this home's open invites and admits every valid join request.
 * On the way out every edit is persisted and every room and socket closed.
 */
export function serveCommand(
  flags: FlagValues<'serve'>,
  ctx: CommandContext,
): Promise<CommandResult> {
  return withHome(flags.home, ctx, async (home) => {
    const records = home.records().filter((r) => r.kind === 'member');
    if (records.length === 0) return failure('failed', 'this home has no cell to serve');
    const transport = await loadNodeTransport();
    const cells: CellRuntime[] = [];
    const hostings: InviteHosting[] = [];
    const invites = { sockets: nodeSignalingSockets(), connectJitterMs: INVITE_CONNECT_JITTER_MS };
    const stopChaff = startChaffTimer(home.vault);
    try {
      for (const record of records) {
        // A rekey left half-way is finished first (openFinishingRekey).
        const cell = await openFinishingRekey(record, {
          sealed: home.vault.store,
          save: (r) => home.upsert(r),
          open: (r) =>
            CellRuntime.open({
              record: r,
              sealed: home.vault.store,
              transport,
              ...(ctx.io.scheduler ? { scheduler: ctx.io.scheduler } : {}),
              saveRecord: (x) => home.upsert(x),
            }),
        });
        cells.push(cell);
        if (flags['approve-all'])
          hostings.push(new InviteHosting(cell, invites, () => Date.now(), approveAll));
      }
      await waitForStop(ctx.io, flags.for);
    } finally {
      stopChaff();
      for (const h of hostings) h.close();
      for (const c of cells) await c.close();
    }
    return done();
  });
}
