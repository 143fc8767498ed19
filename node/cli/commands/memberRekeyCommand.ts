import { toHex } from '../../../shared/crypto/bytes.ts';
import { safetyWords } from '../../../shared/identity/safetyWords.ts';
import { CellRuntime } from '../../../shared/runtime/CellRuntime.ts';
import type { CellRecord } from '../../../shared/runtime/Keyring.ts';
import { rekeySelf } from '../../../shared/runtime/rekeySelf.ts';
import type { FlagValues } from '../commandSpecs.ts';
import type { CommandContext } from '../CommandContext.ts';
import { done, failure, type CommandResult } from '../CommandResult.ts';
import { withHome, type Home } from '../Home.ts';
import { withCell } from '../withCell.ts';

const REASONS: Readonly<Record<string, string>> = {
  not_a_member: 'you are no longer a member of this cell',
  relay: 'a relay cannot re-key (remove it and admit a new one)',
};

/**
 * `quire member rekey`: "my device was out of my hands". This member moves to fresh keys in the
 * cell (same pseudonym and role); the old signing key is dropped from the home; a coordinator
 * rotates at once, otherwise the next online coordinator does. Prints the new safety words: the
 * others see this member as unverified until they compare them again. Whoever copied the device
 * keeps what was on it. Local until the next `serve` or `sync` publishes it.
 */
export function memberRekeyCommand(
  flags: FlagValues<'member rekey'>,
  ctx: CommandContext,
): Promise<CommandResult> {
  return withHome(flags.home, ctx, (home) =>
    withCell(home, flags.cell, undefined, async (cell) => {
      const rekeyed = await rekeySelf(cell, {
        sealed: home.vault.store,
        saveRecord: (r) => home.upsert(r),
        reopen: (r) => reopen(home, r),
      });
      if (!rekeyed.ok)
        return failure(
          rekeyed.error === 'not_a_member' ? 'denied' : 'failed',
          REASONS[rekeyed.error] ?? `the re-key was refused (${rekeyed.detail ?? rekeyed.error})`,
        );
      const { runtime } = rekeyed.value;
      try {
        // The identity's words: the box key it was re-keyed with, whatever reboxes came since.
        const mine = runtime.currentRoster().members.get(toHex(runtime.me.signPk));
        ctx.io.out(
          safetyWords(runtime.me.signPk, mine?.identityBoxPk ?? runtime.me.boxPk).join(' '),
        );
      } finally {
        await runtime.close();
      }
      return done();
    }),
  );
}

const reopen = (home: Home, record: CellRecord): Promise<CellRuntime> =>
  CellRuntime.open({ record, sealed: home.vault.store, saveRecord: (r) => home.upsert(r) });
