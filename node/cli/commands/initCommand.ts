import type { FlagValues } from '../commandSpecs.ts';
import type { CommandContext } from '../CommandContext.ts';
import { done, type CommandResult } from '../CommandResult.ts';
import { createHome } from '../Home.ts';

/** `quire init --home DIR`: a new vault (Argon2id at the floor), nothing else. */
export async function initCommand(
  flags: FlagValues<'init'>,
  ctx: CommandContext,
): Promise<CommandResult> {
  const created = await createHome(flags.home, ctx.passphrase);
  return created.ok ? done() : created;
}
