import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { connectClient } from './connectClient.ts';

const cli = (args: string[]): ChildProcess =>
  spawn(process.execPath, ['--import', 'tsx', 'node/signal/cli.ts', ...args], {
    cwd: process.cwd(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });

const exitOf = (child: ChildProcess): Promise<number | null> =>
  new Promise((resolve) => child.once('exit', (code) => resolve(code)));

describe('signal CLI', () => {
  let child: ChildProcess | undefined;
  afterEach(() => {
    if (child?.exitCode === null) child.kill('SIGKILL');
  });

  it('prints exactly "listening ws://HOST:PORT", serves, and exits 0 on SIGTERM', async () => {
    child = cli(['--port', '0']);
    let out = '';
    const line = await new Promise<string>((resolve, reject) => {
      child!.stdout!.on('data', (d: Buffer) => {
        out += d.toString('utf8');
        if (out.includes('\n')) resolve(out);
      });
      child!.once('exit', () => reject(new Error(`exited early: ${out}`)));
    });
    const match = /^listening ws:\/\/127\.0\.0\.1:(\d+)\n$/.exec(line);
    expect(match).not.toBeNull();
    const client = await connectClient(`ws://127.0.0.1:${match![1]}`);
    await client.sync();
    const exited = exitOf(child);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    await client.closed;
  });

  it('exits 2 with usage on a bad argument', async () => {
    child = cli(['--port', 'nope']);
    let err = '';
    child.stderr!.on('data', (d: Buffer) => (err += d.toString('utf8')));
    expect(await exitOf(child)).toBe(2);
    expect(err).toContain('usage:');
  });
});
