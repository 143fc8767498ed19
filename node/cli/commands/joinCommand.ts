import { recordFromWelcome } from '../../../shared/runtime/cellGovernance.ts';
import type { FlagValues } from '../commandSpecs.ts';
import type { CommandContext } from '../CommandContext.ts';
import { done, failure, type CommandResult } from '../CommandResult.ts';
import { withHome } from '../Home.ts';
import { joinCell } from '../joinCell.ts';

/**
 * `quire join`: waits until admitted, has the joiner compare the admitting coordinator's safety
 * words (joinCell), keeps the cell's keys in the keyring, prints the cell id.
 */
export function joinCommand(
  flags: FlagValues<'join'>,
  ctx: CommandContext,
): Promise<CommandResult> {
  return withHome(flags.home, ctx, async (home) => {
    const joined = await joinCell({
      code: flags.code,
      pseudonym: flags.pseudonym,
      timeoutMs: flags.timeout * 1000,
      io: ctx.io,
      confirmWords: flags['confirm-words'],
    });
    if (!joined.ok) return joined;
    const { welcome, identity } = joined.value;
    if (welcome.variant === 'relay')
      return failure('failed', 'this is a relay invite: use quire relay --code');
    const record = recordFromWelcome(welcome, identity);
    if (!record.ok) return failure('failed', 'the welcome could not be kept');
    if (home.records().some((r) => r.cellIdHex === record.value.cellIdHex))
      return failure('failed', 'this home is already in that cell');
    await home.upsert(record.value);
    ctx.io.out(record.value.cellIdHex);
    return done();
  });
}
