import type { CliIo } from './CliIo.ts';
import type { ParsedCommand } from './commandSpecs.ts';
import type { CommandContext } from './CommandContext.ts';
import { EXIT_CODES, exitCodeFor, failure, oneLine, type CommandResult } from './CommandResult.ts';
import { cellCreateCommand } from './commands/cellCreateCommand.ts';
import { cellHorizonCommand } from './commands/cellHorizonCommand.ts';
import { cellRotateCommand } from './commands/cellRotateCommand.ts';
import { cellCommentsCommand } from './commands/cellCommentsCommand.ts';
import { commentAddCommand } from './commands/commentAddCommand.ts';
import { commentListCommand } from './commands/commentListCommand.ts';
import { suggestListCommand } from './commands/suggestListCommand.ts';
import { suggestSettleCommand } from './commands/suggestSettleCommand.ts';
import { draftReadCommand } from './commands/draftReadCommand.ts';
import { draftWriteCommand } from './commands/draftWriteCommand.ts';
import { initCommand } from './commands/initCommand.ts';
import { inviteCreateCommand } from './commands/inviteCreateCommand.ts';
import { joinCommand } from './commands/joinCommand.ts';
import { memberListCommand } from './commands/memberListCommand.ts';
import { memberRekeyCommand } from './commands/memberRekeyCommand.ts';
import { memberRemoveCommand } from './commands/memberRemoveCommand.ts';
import { relayCommand } from './commands/relayCommand.ts';
import { serveCommand } from './commands/serveCommand.ts';
import { signalCommand } from './commands/signalCommand.ts';
import { syncCommand } from './commands/syncCommand.ts';
import { taskAddCommand } from './commands/taskAddCommand.ts';
import { taskListCommand } from './commands/taskListCommand.ts';
import { vaultDuressSetCommand } from './commands/vaultDuressSetCommand.ts';
import { parseArgs } from './parseArgs.ts';
import { USAGE } from './usage.ts';

function dispatch(p: ParsedCommand, ctx: CommandContext): Promise<CommandResult> {
  switch (p.command) {
    case 'signal':
      return signalCommand(p.flags, ctx);
    case 'init':
      return initCommand(p.flags, ctx);
    case 'cell create':
      return cellCreateCommand(p.flags, ctx);
    case 'cell horizon':
      return cellHorizonCommand(p.flags, ctx);
    case 'cell comments':
      return cellCommentsCommand(p.flags, ctx);
    case 'cell rotate':
      return cellRotateCommand(p.flags, ctx);
    case 'invite create':
      return inviteCreateCommand(p.flags, ctx);
    case 'join':
      return joinCommand(p.flags, ctx);
    case 'serve':
      return serveCommand(p.flags, ctx);
    case 'draft write':
      return draftWriteCommand(p.flags, ctx);
    case 'draft read':
      return draftReadCommand(p.flags, ctx);
    case 'comment add':
      return commentAddCommand(p.flags, ctx);
    case 'comment list':
      return commentListCommand(p.flags, ctx);
    case 'suggest list':
      return suggestListCommand(p.flags, ctx);
    case 'suggest accept':
      return suggestSettleCommand(true, p.flags, ctx);
    case 'suggest reject':
      return suggestSettleCommand(false, p.flags, ctx);
    case 'task add':
      return taskAddCommand(p.flags, ctx);
    case 'task list':
      return taskListCommand(p.flags, ctx);
    case 'member list':
      return memberListCommand(p.flags, ctx);
    case 'member remove':
      return memberRemoveCommand(p.flags, ctx);
    case 'member rekey':
      return memberRekeyCommand(p.flags, ctx);
    case 'sync':
      return syncCommand(p.flags, ctx);
    case 'relay':
      return relayCommand(p.flags, ctx);
    case 'vault duress set':
      return vaultDuressSetCommand(p.flags, ctx);
  }
}

/**
 * The whole `quire` command line as a function (main.ts runs it on the real process; tests call
 * it with their own io): results on stdout, at most one error line on stderr, and the exit code
 * (0 ok, 1 other, 2 usage, 3 wrong passphrase or not permitted, 4 timed out). Nothing throws out.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    io.err(`quire: ${oneLine(parsed.detail ?? 'usage error')}`);
    return EXIT_CODES.usage;
  }
  if (parsed.value.kind === 'help') {
    io.out(USAGE);
    return EXIT_CODES.ok;
  }
  const command = parsed.value.parsed;
  const passphrase = io.env.QUIRE_PASSPHRASE ?? '';
  if (command.command !== 'signal' && passphrase === '') {
    io.err('quire: set the passphrase in the environment variable QUIRE_PASSPHRASE');
    return EXIT_CODES.usage;
  }
  let result: CommandResult;
  try {
    result = await dispatch(command, { io, passphrase });
  } catch (e) {
    result = failure('failed', `unexpected error: ${e instanceof Error ? e.message : 'unknown'}`);
  }
  if (!result.ok) io.err(`quire: ${oneLine(result.detail ?? result.error)}`);
  return exitCodeFor(result);
}
