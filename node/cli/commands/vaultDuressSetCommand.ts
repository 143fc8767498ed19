import { validateRendezvousUrl } from '../../../shared/invite/validateRendezvousUrl.ts';
import { seedDecoyVault } from '../../../shared/decoy/seedDecoyVault.ts';
import { argon2idKdf } from '../../../shared/vault/argon2idKdf.ts';
import { setDuressPassphrase } from '../../../shared/vault/setDuressPassphrase.ts';
import type { FlagValues } from '../commandSpecs.ts';
import type { CommandContext } from '../CommandContext.ts';
import { done, failure, type CommandResult } from '../CommandResult.ts';
import { withHome } from '../Home.ts';

/**
 * `quire vault duress set`: QUIRE_DURESS_PASSPHRASE becomes a second passphrase for this home that
 * opens a new decoy vault holding one harmless cell from a template; with --destroy-real, typing
 * it also destroys this vault's key. Prints the decoy cell's id. Run it again to replace the decoy.
 */
export async function vaultDuressSetCommand(
  flags: FlagValues<'vault duress set'>,
  ctx: CommandContext,
): Promise<CommandResult> {
  const duress = ctx.io.env.QUIRE_DURESS_PASSPHRASE ?? '';
  if (duress === '')
    return failure('usage', 'set the duress passphrase in QUIRE_DURESS_PASSPHRASE');
  const urls: string[] = [];
  for (const url of flags.signal) {
    const valid = validateRendezvousUrl(url);
    if (!valid.ok) return failure('usage', `invalid --signal ${url} (${valid.error})`);
    if (!urls.includes(valid.value)) urls.push(valid.value);
  }
  return withHome(flags.home, ctx, async (home) => {
    const made = await setDuressPassphrase(home.vault, {
      kdf: argon2idKdf,
      currentPassphrase: ctx.passphrase,
      duressPassphrase: duress,
      destroyOnUse: flags['destroy-real'],
    });
    if (!made.ok) {
      if (made.error === 'duress_same')
        return failure('usage', 'the duress passphrase must differ from QUIRE_PASSPHRASE');
      if (made.error.startsWith('passphrase_'))
        return failure('usage', 'QUIRE_DURESS_PASSPHRASE is not a usable passphrase');
      return failure('failed', `could not set the duress passphrase (${made.error})`);
    }
    const decoy = made.value;
    try {
      const seeded = await seedDecoyVault(decoy, flags.template, flags.language, urls);
      if (!seeded.ok) return failure('failed', `could not fill the decoy (${seeded.error})`);
      ctx.io.out(seeded.value);
    } finally {
      decoy.lock();
    }
    return done();
  });
}
