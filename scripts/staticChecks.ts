/**
 * `npm test`'s first step: every TypeScript project's typecheck, ESLint and Prettier, as
 * `npm run typecheck` and `npm run lint` run them, but as many at once as the machine has cores
 * (one after the other they took 210 s on the 2-core CI machine, ESLint alone 100 s). Each
 * check's output is printed whole when it ends; exits 1 if any failed.
 */
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';

interface Check {
  readonly name: string;
  readonly bin: string;
  readonly args: readonly string[];
}

const ROOT = resolve(import.meta.dirname, '..');
const bin = (name: string): string => resolve(ROOT, 'node_modules', '.bin', name);
const tsc = (project: string): Check => ({
  name: `tsc -p ${project}`,
  bin: bin('tsc'),
  args: ['-p', project],
});

/** Longest first (measured), so the last to start are short. */
export const CHECKS: readonly Check[] = [
  { name: 'eslint', bin: bin('eslint'), args: ['.', '--max-warnings', '0'] },
  { name: 'prettier --check', bin: bin('prettier'), args: ['--check', '.'] },
  tsc('tests'),
  tsc('renderer'),
  tsc('tsconfig.json'),
  tsc('electron'),
  tsc('node'),
  tsc('shared'),
];

function run(check: Check): Promise<boolean> {
  return new Promise((done) => {
    const started = Date.now();
    const child = spawn(check.bin, [...check.args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
    const finish = (ok: boolean, note = ''): void => {
      const seconds = ((Date.now() - started) / 1000).toFixed(0);
      process.stdout.write(`${ok ? 'ok  ' : 'FAIL'} ${check.name} (${seconds} s)${note}\n`);
      if (!ok) process.stdout.write(Buffer.concat(output));
      done(ok);
    };
    child.once('error', (e) => finish(false, `: ${e.message}`));
    child.once('close', (code) => finish(code === 0));
  });
}

async function main(): Promise<void> {
  const queue = [...CHECKS];
  let failed = 0;
  const worker = async (): Promise<void> => {
    for (let check = queue.shift(); check; check = queue.shift()) if (!(await run(check))) failed++;
  };
  const lanes = Math.max(1, Math.min(availableParallelism(), queue.length));
  await Promise.all(Array.from({ length: lanes }, worker));
  if (failed > 0) {
    process.stdout.write(`${failed} of ${CHECKS.length} static checks failed\n`);
    process.exitCode = 1;
  }
}

await main();
