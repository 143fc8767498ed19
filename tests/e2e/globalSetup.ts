import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const projectRoot = resolve(import.meta.dirname, '../..');
const START_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 5_000;

interface Started {
  readonly child: ChildProcess;
  readonly url: string;
}

/**
 * Runs `npm run <script> -- <args>` in its own process group and resolves with the URL the
 * script prints once it listens. Port 0 lets the OS pick a free port: no race between choosing
 * a port and binding it.
 */
function start(script: string, args: readonly string[], ready: RegExp): Promise<Started> {
  const child = spawn('npm', ['run', '--silent', script, '--', ...args], {
    cwd: projectRoot,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer): void => {
    // Keep draining both pipes for the whole run; remember only a tail for error messages.
    output = (output + chunk.toString('utf8')).slice(-8192);
  };
  child.stderr?.on('data', keep);
  return new Promise((resolveStart, rejectStart) => {
    const timer = setTimeout(() => {
      void stop(child);
      rejectStart(new Error(`npm run ${script} did not start in time:\n${output}`));
    }, START_TIMEOUT_MS);
    child.stdout?.on('data', (chunk: Buffer) => {
      keep(chunk);
      const match = ready.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolveStart({ child, url: match[1] });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      rejectStart(new Error(`npm run ${script} exited with ${code}:\n${output}`));
    });
  });
}

/** SIGTERM to the whole process group we started (npm, its shell, node), SIGKILL if it lingers. */
async function stop(child: ChildProcess): Promise<void> {
  const pid = child.pid;
  if (pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }, STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  const signal = await start(
    'signal',
    ['--host', '127.0.0.1', '--port', '0'],
    /listening (ws:\/\/127\.0\.0\.1:\d+)\n/,
  );
  let web: Started;
  try {
    web = await start(
      'web',
      ['--host', '127.0.0.1', '--port', '0'],
      /Quire web on (http:\/\/127\.0\.0\.1:\d+\/)\n/,
    );
  } catch (error) {
    await stop(signal.child);
    throw error;
  }
  // Workers inherit the environment of the runner: this is how tests learn the URLs.
  process.env['QUIRE_E2E_SIGNAL_URL'] = signal.url;
  process.env['QUIRE_E2E_WEB_URL'] = web.url;
  return async () => {
    await stop(web.child);
    await stop(signal.child);
  };
}
