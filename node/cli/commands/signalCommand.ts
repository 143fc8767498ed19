import { parseSignalArgs } from '../../signal/parseSignalArgs.ts';
import { startSignalServer, type SignalServer } from '../../signal/SignalServer.ts';
import type { FlagValues } from '../commandSpecs.ts';
import type { CommandContext } from '../CommandContext.ts';
import { done, failure, type CommandResult } from '../CommandResult.ts';
import { waitForStop } from '../waitForStop.ts';

/** `quire signal`: the project's rendezvous server until SIGINT/SIGTERM; prints `listening ws://HOST:PORT`. */
export async function signalCommand(
  flags: FlagValues<'signal'>,
  ctx: CommandContext,
): Promise<CommandResult> {
  // Same host and port rules as `npm run signal`.
  const checked = parseSignalArgs(['--host', flags.host, '--port', String(flags.port)]);
  if (!checked.ok) return failure('usage', checked.detail ?? 'invalid --host or --port');
  let server: SignalServer;
  try {
    server = await startSignalServer({ host: flags.host, port: flags.port });
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    return failure('failed', `cannot listen: ${typeof code === 'string' ? code : 'error'}`);
  }
  ctx.io.out(`listening ${server.url}`);
  await waitForStop(ctx.io, undefined);
  await server.close();
  return done();
}
