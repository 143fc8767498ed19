/**
 * Runs the real `quire` command (bin/quire.js) as child processes for the CLI integration tests.
 *
 *   const q = createQuireRunner({ QUIRE_PASSPHRASE: '...' });
 *   afterAll(() => q.killAll());
 *   const r = await q.run(['init', '--home', dir]);            // waits for the process to EXIT BY
 *                                                              // ITSELF (rejects after timeoutMs)
 *   const s = q.start(['serve', '--home', dir]);               // long-running
 *   await s.waitForLine(/^ready$/); await s.stop();            // SIGTERM, resolves with the exit
 *   s.kill9();                                                 // SIGKILL, no clean-up at all
 *
 * A command that leaves a handle open (a socket, a timer, a WebRTC connection) never exits, so
 * `run` failing on its timeout is how the tests catch dangling handles.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = 'bin/quire.js';

export interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: readonly string[];
  readonly stderr: readonly string[];
}

export interface Running {
  readonly pid: number;
  readonly stdout: readonly string[];
  readonly stderr: readonly string[];
  readonly exited: Promise<Exit>;
  waitForLine(pattern: RegExp, timeoutMs?: number): Promise<RegExpExecArray>;
  /** SIGTERM: the command closes everything and exits by itself. */
  stop(timeoutMs?: number): Promise<Exit>;
  kill9(): Promise<Exit>;
}

export interface QuireRunner {
  run(args: readonly string[], opts?: { stdin?: string; timeoutMs?: number }): Promise<Exit>;
  start(args: readonly string[]): Running;
  killAll(): Promise<void>;
}

const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

function launch(args: readonly string[], env: Record<string, string>, stdin?: string): Running {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  live.add(child);
  const stdout: string[] = [];
  const stderr: string[] = [];
  const waiters = new Set<{ pattern: RegExp; resolve: (m: RegExpExecArray) => void }>();
  createInterface({ input: child.stdout }).on('line', (line) => {
    stdout.push(line);
    for (const w of [...waiters]) {
      const m = w.pattern.exec(line);
      if (m) {
        waiters.delete(w);
        w.resolve(m);
      }
    }
  });
  createInterface({ input: child.stderr }).on('line', (line) => stderr.push(line));
  child.stdin.on('error', () => undefined);
  child.stdin.end(stdin ?? '');
  const exited = new Promise<Exit>((resolve) => {
    child.once('exit', (code, signal) => {
      live.delete(child);
      // Let readline deliver the last lines.
      setTimeout(() => resolve({ code, signal, stdout, stderr }), 50);
    });
  });
  const describe = (): string =>
    `quire ${args.join(' ')}\nstdout: ${stdout.join('\n')}\nstderr: ${stderr.join('\n')}`;
  const within = <T>(p: Promise<T>, ms: number, what: string): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`${what} after ${ms} ms: ${describe()}`)), ms);
      p.then(
        (v) => {
          clearTimeout(t);
          resolve(v);
        },
        (e: unknown) => {
          clearTimeout(t);
          reject(e instanceof Error ? e : new Error(String(e)));
        },
      );
    });
  return {
    pid: child.pid ?? -1,
    stdout,
    stderr,
    exited,
    waitForLine(pattern, timeoutMs = 60_000) {
      for (const line of stdout) {
        const m = pattern.exec(line);
        if (m) return Promise.resolve(m);
      }
      let waiter: { pattern: RegExp; resolve: (m: RegExpExecArray) => void } | undefined;
      const found = new Promise<RegExpExecArray>((resolve) => {
        waiter = { pattern, resolve };
        waiters.add(waiter);
      });
      const died = exited.then((e) => {
        throw new Error(`exited (${e.code ?? e.signal}) before printing ${pattern}: ${describe()}`);
      });
      return within(Promise.race([found, died]), timeoutMs, `no line ${pattern}`).finally(() =>
        waiters.delete(waiter!),
      );
    },
    // A bound on hanging, not a speed target: a clean stop (every edit persisted, rooms and
    // sockets closed, fsyncs) took 5 s here under moderate load and over 20 s at load 8.
    stop(timeoutMs = 90_000) {
      child.kill('SIGTERM');
      return within(exited, timeoutMs, 'did not exit on SIGTERM');
    },
    kill9() {
      child.kill('SIGKILL');
      return exited;
    },
  };
}

export function createQuireRunner(env: Record<string, string>): QuireRunner {
  const started = new Set<Running>();
  return {
    async run(args, opts = {}) {
      const r = launch(args, env, opts.stdin);
      started.add(r);
      const timeoutMs = opts.timeoutMs ?? 120_000;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timedOut = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          void r.kill9();
          reject(
            new Error(
              `quire ${args.join(' ')} did not exit by itself within ${timeoutMs} ms\n` +
                `stdout: ${r.stdout.join('\n')}\nstderr: ${r.stderr.join('\n')}`,
            ),
          );
        }, timeoutMs);
      });
      try {
        return await Promise.race([r.exited, timedOut]);
      } finally {
        clearTimeout(timer);
        started.delete(r);
      }
    },
    start(args) {
      const r = launch(args, env);
      started.add(r);
      return r;
    },
    async killAll() {
      await Promise.all([...started].map((r) => r.kill9()));
      started.clear();
    },
  };
}

/** Asserts a clean exit and returns stdout; otherwise throws with everything the command said. */
export function ok(exit: Exit, what = 'quire'): readonly string[] {
  if (exit.code !== 0)
    throw new Error(
      `${what} exited ${exit.code ?? exit.signal}\nstdout: ${exit.stdout.join('\n')}\nstderr: ${exit.stderr.join('\n')}`,
    );
  return exit.stdout;
}
