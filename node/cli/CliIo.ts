import { createInterface } from 'node:readline/promises';
import { isatty } from 'node:tty';
import type { Scheduler } from '../../shared/sync/Scheduler.ts';

/** What a command may touch of its process: environment, output lines, stdin, stop requests. */
export interface CliIo {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** One result line on stdout. */
  out(line: string): void;
  /** One error line on stderr. */
  err(line: string): void;
  /** Everything on stdin (draft write without --file), at most `maxBytes`; undefined if larger. */
  readStdin(maxBytes: number): Promise<Uint8Array | undefined>;
  /** Calls `listener` once when the process is asked to stop (SIGINT, SIGTERM). */
  onStop(listener: () => void): () => void;
  /**
   * Present only when a person is at the terminal (stdin is a TTY): shows `question` on stderr
   * and resolves with the line typed (undefined if stdin closes first).
   */
  readonly ask?: (question: string) => Promise<string | undefined>;
  /**
   * The clock a cell's runtime runs on; the real one when absent (always, for the real process).
   * An in-process test passes a clock set ahead to stand for a later run of the command (the
   * history horizon waits minutes to days).
   */
  readonly scheduler?: Scheduler;
}

/** The real process: stdout/stderr lines, stdin, SIGINT and SIGTERM. */
export function processIo(): CliIo {
  return {
    env: process.env,
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    readStdin: async (maxBytes) => {
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of process.stdin) {
        const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
        size += b.length;
        if (size > maxBytes) {
          process.stdin.destroy();
          return undefined;
        }
        chunks.push(b);
      }
      return new Uint8Array(Buffer.concat(chunks));
    },
    onStop: (listener) => {
      const once = (): void => {
        off();
        listener();
      };
      const off = (): void => {
        process.off('SIGINT', once);
        process.off('SIGTERM', once);
      };
      process.once('SIGINT', once);
      process.once('SIGTERM', once);
      return off;
    },
    // isatty(0), not process.stdin.isTTY: looking must not open stdin for commands that never ask.
    ...(isatty(0) ? { ask } : {}),
  };
}

async function ask(question: string): Promise<string | undefined> {
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  const closed = new Promise<undefined>((resolve) => rl.once('close', () => resolve(undefined)));
  try {
    return await Promise.race([rl.question(question), closed]);
  } finally {
    rl.close();
  }
}
