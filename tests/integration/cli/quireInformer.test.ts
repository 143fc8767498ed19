import { describe, it } from 'vitest';
import { CLI_PASS, useCliHarness } from './cliHarness.ts';
import { runInformerScenario } from './informerScenario.ts';

/** Honest `quire` processes and an informer peer, over real WebRTC on loopback. */
describe('quire command among an informer (integration)', () => {
  const h = useCliHarness();
  it(
    'an informer among four members: honest members converge and hold every honest line (issue #14)',
    { timeout: 480_000 },
    async () => {
      await runInformerScenario(h.q, CLI_PASS, await h.tempDir(), h.pool);
    },
  );
});
