import { sodiumReady } from '../../../shared/crypto/sodium.ts';
import { createIdentity } from '../../../shared/identity/createIdentity.ts';
import { validateRendezvousUrl } from '../../../shared/invite/validateRendezvousUrl.ts';
import { createCellRecord } from '../../../shared/runtime/cellGovernance.ts';
import type { FlagValues } from '../commandSpecs.ts';
import type { CommandContext } from '../CommandContext.ts';
import { done, failure, type CommandResult } from '../CommandResult.ts';
import { withHome } from '../Home.ts';

/** `quire cell create`: a new cell with us as its first coordinator; prints the cell id. */
export async function cellCreateCommand(
  flags: FlagValues<'cell create'>,
  ctx: CommandContext,
): Promise<CommandResult> {
  const urls: string[] = [];
  for (const url of flags.signal) {
    const valid = validateRendezvousUrl(url);
    if (!valid.ok) return failure('usage', `invalid --signal ${url} (${valid.error})`);
    if (!urls.includes(valid.value)) urls.push(valid.value);
  }
  await sodiumReady();
  const identity = createIdentity(flags.pseudonym);
  if (!identity.ok) return failure('usage', `invalid --pseudonym (${identity.error})`);
  const name = flags.name.trim();
  const record = createCellRecord({ identity: identity.value, name, signaling: urls });
  if (!record.ok) return failure('usage', `invalid --name (${record.error})`);
  return withHome(flags.home, ctx, async (home) => {
    await home.upsert(record.value);
    ctx.io.out(record.value.cellIdHex);
    return done();
  });
}
