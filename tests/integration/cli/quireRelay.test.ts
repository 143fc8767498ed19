import { describe, it } from 'vitest';
import { startSignalServer } from '../../../node/signal/SignalServer.ts';
import { CLI_PASS, useCliHarness } from './cliHarness.ts';
import { runRelayScenario } from './relayScenario.ts';

/** `quire relay` and members as real processes, with the rendezvous server on loopback. */
describe('quire relay (integration)', () => {
  const h = useCliHarness();
  it(
    'relay: async members through it alone, SIGKILL mid-sync, hostile peers, blindness',
    { timeout: 480_000 },
    async () => {
      const server = await startSignalServer({ host: '127.0.0.1', port: 0 });
      try {
        await runRelayScenario(h.q, CLI_PASS, await h.tempDir(), server, h.pool);
      } finally {
        await server.close();
      }
    },
  );
});
