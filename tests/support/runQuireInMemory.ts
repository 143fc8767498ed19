import type { CliIo } from '../../node/cli/CliIo.ts';
import { runCli } from '../../node/cli/runCli.ts';
import type { Scheduler } from '../../shared/sync/Scheduler.ts';

export interface InMemoryRun {
  readonly code: number;
  readonly stdout: string[];
  readonly stderr: string[];
}

/**
 * Runs `quire` in this process (runCli) with the environment given, `stdin` as its input (refused
 * over the command's cap, as the real stdin is) and its output lines collected; `scheduler`, if
 * given, is the clock the command's cell runtimes run on (CliIo.scheduler); `stop`, if given,
 * acts as SIGTERM when it resolves (a `serve` that has done its part ends without its --for).
 */
export async function runQuireInMemory(
  argv: readonly string[],
  env: Record<string, string>,
  stdin = '',
  scheduler?: Scheduler,
  stop?: Promise<void>,
): Promise<InMemoryRun> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io: CliIo = {
    env,
    out: (l) => stdout.push(...l.split('\n')),
    err: (l) => stderr.push(...l.split('\n')),
    readStdin: (max) => {
      const bytes = new TextEncoder().encode(stdin);
      return Promise.resolve(bytes.length > max ? undefined : bytes);
    },
    onStop: (fn) => {
      let on = true;
      void stop?.then(() => {
        if (on) fn();
      });
      return () => {
        on = false;
      };
    },
    ...(scheduler ? { scheduler } : {}),
  };
  const code = await runCli([...argv], io);
  return { code, stdout, stderr };
}
