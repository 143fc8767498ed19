import { fromHex, toHex } from '../../../shared/crypto/bytes.ts';
import { rotateEpoch } from '../../../shared/runtime/cellGovernance.ts';
import type { FlagValues } from '../commandSpecs.ts';
import type { CommandContext } from '../CommandContext.ts';
import { done, failure, type CommandResult } from '../CommandResult.ts';
import { withHome } from '../Home.ts';
import { findMember, requireCoordinator, withCell } from '../withCell.ts';

/**
 * `quire member remove`: `remove` then `rotate` (a new epoch key for everyone else, new transport
 * roots for relays). Local until the next `serve` or `sync` publishes it.
 */
export function memberRemoveCommand(
  flags: FlagValues<'member remove'>,
  ctx: CommandContext,
): Promise<CommandResult> {
  return withHome(flags.home, ctx, (home) =>
    withCell(home, flags.cell, undefined, async (cell) => {
      const denied = requireCoordinator(cell);
      if (denied) return denied;
      const member = findMember(cell, flags.pseudonym);
      if (!member.ok) return member.result;
      if (member.hex === toHex(cell.me.signPk))
        return failure('failed', 'a coordinator cannot remove themselves');
      // removeMember's two steps, with a check between: never rotate for a removal that did not count.
      const removed = cell.publishOp({
        type: 'remove',
        member: fromHex(member.hex) ?? new Uint8Array(),
      });
      if (!removed.ok) return failure('failed', `the removal was refused (${removed.error})`);
      const roster = cell.currentRoster();
      if (!roster.removed.has(member.hex)) {
        const reason =
          roster.rejected.find((r) => r.opId === removed.value.opId)?.reason ?? 'rejected';
        return failure('failed', `the removal was refused (${reason})`);
      }
      const rotated = await rotateEpoch(cell);
      if (!rotated.ok)
        return failure('failed', `removed, but the key rotation failed (${rotated.error})`);
      return done();
    }),
  );
}
