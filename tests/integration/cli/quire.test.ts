import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, it } from 'vitest';
import { startSignalServer } from '../../../node/signal/SignalServer.ts';
import { createPeerPool } from '../transport/peerProcess.ts';
import { runCliScenario } from './cliScenario.ts';
import { runInformerScenario } from './informerScenario.ts';
import { createQuireRunner } from './quireProcess.ts';
import { runRelayScenario } from './relayScenario.ts';

/**
 * The `quire` command as real processes over real WebRTC on loopback. Both scenarios live in this
 * one file so they run one after the other: each starts several Node processes (Argon2id at the
 * floor, WebRTC), and two at once on a 2-core machine make both slow.
 */
const PASS = 'copper kettle 92 midnight';
const dirs: string[] = [];
const tempDir = async (): Promise<string> => {
  const dir = await mkdtemp(join(tmpdir(), 'quire-cli-'));
  dirs.push(dir);
  return dir;
};

describe.sequential('quire command (integration)', () => {
  const q = createQuireRunner({ QUIRE_PASSPHRASE: PASS });
  const pool = createPeerPool();
  afterEach(async () => {
    await pool.closeAll();
    await q.killAll();
  });
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it(
    'CLI scenario: init, create, join while serving, drafts and tasks both ways, removal cuts the member off',
    { timeout: 480_000 },
    async () => {
      await runCliScenario(q, await tempDir());
    },
  );

  it(
    'an informer among four members: honest members converge and hold every honest line (issue #14)',
    { timeout: 480_000 },
    async () => {
      await runInformerScenario(q, PASS, await tempDir(), pool);
    },
  );

  it(
    'relay: async members through it alone, SIGKILL mid-sync, hostile peers, blindness',
    { timeout: 480_000 },
    async () => {
      const server = await startSignalServer({ host: '127.0.0.1', port: 0 });
      try {
        await runRelayScenario(q, PASS, await tempDir(), server, pool);
      } finally {
        await server.close();
      }
    },
  );
});
