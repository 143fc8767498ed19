import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach } from 'vitest';
import { createPeerPool, type PeerPool } from '../transport/peerProcess.ts';
import { createQuireRunner, type QuireRunner } from './quireProcess.ts';

/** The passphrase every home of the CLI scenarios is made with. */
export const CLI_PASS = 'copper kettle 92 midnight';

export interface CliHarness {
  readonly q: QuireRunner;
  readonly pool: PeerPool;
  /** A fresh directory under the OS temp dir, removed after the file's tests. */
  tempDir(): Promise<string>;
}

/**
 * What every `quire` scenario file needs: a runner for the real command, a pool for in-process
 * peers, and temp homes, all cleaned up after each test or the file. One scenario per file, so
 * the network project can run two of them at once.
 */
export function useCliHarness(): CliHarness {
  const q = createQuireRunner({ QUIRE_PASSPHRASE: CLI_PASS });
  const pool = createPeerPool();
  const dirs: string[] = [];
  afterEach(async () => {
    await pool.closeAll();
    await q.killAll();
  });
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });
  return {
    q,
    pool,
    tempDir: async () => {
      const dir = await mkdtemp(join(tmpdir(), 'quire-cli-'));
      dirs.push(dir);
      return dir;
    },
  };
}
