import { BlindRelay } from '../../relay/BlindRelay.ts';
import { relayRecordFromWelcome } from '../../relay/relayRecordFromWelcome.ts';
import type { FlagValues } from '../commandSpecs.ts';
import type { CommandContext } from '../CommandContext.ts';
import { done, failure, type CommandResult } from '../CommandResult.ts';
import type { Home } from '../Home.ts';
import { withHome } from '../Home.ts';
import { joinCell } from '../joinCell.ts';
import { loadNodeTransport } from '../loadNodeTransport.ts';
import { waitForStop } from '../waitForStop.ts';

/** The name a relay shows the coordinator who admits it (it has no person behind it). */
const RELAY_PSEUDONYM = 'relay';
/** A relay invite is usually answered by a coordinator who is online for it. */
const RELAY_JOIN_TIMEOUT_MS = 10 * 60 * 1000;

async function admit(home: Home, code: string, ctx: CommandContext): Promise<CommandResult> {
  const joined = await joinCell({
    code,
    pseudonym: RELAY_PSEUDONYM,
    timeoutMs: RELAY_JOIN_TIMEOUT_MS,
    io: ctx.io,
  });
  if (!joined.ok) return joined;
  const record = relayRecordFromWelcome(joined.value.welcome, joined.value.identity);
  if (!record.ok) return failure('failed', 'this is a member invite: use quire join');
  if (home.records().some((r) => r.cellIdHex === record.value.cellIdHex))
    return failure('failed', 'this home is already in that cell');
  await home.upsert(record.value);
  ctx.io.out(record.value.cellIdHex);
  return done();
}

/**
 * `quire relay`: the blind relay (node/relay) for every relay cell of the home, until --for
 * elapses or SIGINT/SIGTERM. With --code it is first admitted with a relay-role invite (prints
 * the cell id). Prints `ready` once its rooms are joined. It only ever holds transport secrets.
 */
export function relayCommand(
  flags: FlagValues<'relay'>,
  ctx: CommandContext,
): Promise<CommandResult> {
  return withHome(flags.home, ctx, async (home) => {
    const transport = await loadNodeTransport();
    if (flags.code !== undefined) {
      const admitted = await admit(home, flags.code, ctx);
      if (!admitted.ok) return admitted;
    }
    const records = home.records().filter((r) => r.kind === 'relay');
    if (records.length === 0)
      return failure('failed', 'this home relays no cell yet (quire relay --code CODE)');
    let errors = 0;
    const relay = await BlindRelay.open(records, {
      sealed: home.vault.store,
      transport,
      // The operator may wait longer or less before acting on a forget notice (RELAY.md).
      limits: { forgetDelayMs: flags['forget-after'] * 1000 },
      // Generic and rate-limited: the operator learns that something failed, never what it held.
      onError: (message) => {
        if (errors++ < 10) ctx.io.err(`quire: ${message}`);
      },
    });
    ctx.io.out('ready');
    await waitForStop(ctx.io, flags.for);
    await relay.close();
    return done();
  });
}
