import { describe, it } from 'vitest';
import { runCliScenario } from './cliScenario.ts';
import { useCliHarness } from './cliHarness.ts';

/** The `quire` command as real processes over real WebRTC on loopback. */
describe('quire command (integration)', () => {
  const h = useCliHarness();
  it(
    'CLI scenario: init, create, join while serving, drafts and tasks both ways, removal cuts the member off',
    { timeout: 480_000 },
    async () => {
      await runCliScenario(h.q, await h.tempDir());
    },
  );
});
