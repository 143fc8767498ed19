import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { deriveEpochSecrets } from '../../../shared/crypto/deriveEpochSecrets.ts';
import { decryptEnvelope } from '../../../shared/envelope/decryptEnvelope.ts';
import type { Scheduler } from '../../../shared/sync/Scheduler.ts';
import type { SealedTable } from '../../../shared/vault/SealedStore.ts';
import { openHome } from '../../../node/cli/Home.ts';
import { startSignalServer } from '../../../node/signal/SignalServer.ts';
import { runQuireInMemory } from '../../support/runQuireInMemory.ts';
import { createQuireRunner, ok } from './quireProcess.ts';

const PASS = 'relay forget notice: quiet harbour 417 lantern';
const CANARY = 'CANARY-relay-keeps-nothing-past-the-horizon';
const TABLES: readonly SealedTable[] = ['secrets', 'cells', 'envelopes', 'snapshots', 'settings'];
const env = { QUIRE_PASSPHRASE: PASS };

/** Real timers, the clock `aheadMs` forward: a later run of the command (the horizon waits 10 min). */
const later = (aheadMs: number): Scheduler => ({
  now: () => Date.now() + aheadMs,
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
});

async function rowsOf(home: string): Promise<Uint8Array[]> {
  const opened = await openHome(home, PASS);
  if (!opened.ok) throw new Error(opened.detail);
  const rows: Uint8Array[] = [];
  for (const t of TABLES)
    for (const r of await opened.value.vault.store.scan(t)) rows.push(r.value);
  await opened.value.close();
  return rows;
}

const sameBytes = (a: Uint8Array, b: Uint8Array): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

/**
 * The blind relay as a real process (`quire relay`) over real WebRTC on loopback, a member as the
 * `quire` command in this process: once the member's history horizon forgets epoch 0, its forget
 * notice reaches the relay, which deletes epoch 0's ciphertext (checked in the relay's home,
 * unlocked) and keeps epoch 1's.
 */
describe("quire relay: forgets on the members' notice", () => {
  it(
    'deletes the epochs the members forgot, keeps the current one',
    { timeout: 240_000 },
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'quire-relay-forget-'));
      dirs.push(dir);
      const server = await startSignalServer({ host: '127.0.0.1', port: 0 });
      const q = createQuireRunner(env);
      const anna = join(dir, 'anna');
      const relayHome = join(dir, 'relay');
      const me = async (args: string[], stdin = '', clock?: Scheduler, stop?: Promise<void>) => {
        const r = await runQuireInMemory(args, env, stdin, clock, stop);
        if (r.code !== 0) throw new Error(`${args.join(' ')}: ${r.stderr.join('\n')}`);
        return r.stdout;
      };
      try {
        await me(['init', '--home', anna]);
        ok(await q.run(['init', '--home', relayHome]));
        const [cell] = await me([
          'cell',
          'create',
          '--home',
          anna,
          '--name',
          'Cell',
          '--pseudonym',
          'Anna',
          '--signal',
          server.url,
        ]);
        const c = ['--home', anna, '--cell', cell!];
        const [code] = await me(['invite', 'create', ...c, '--role', 'relay']);
        // Anna serves until the relay is in (its `ready` follows its welcome), not a fixed time.
        let admitted = (): void => undefined;
        const relayIn = new Promise<void>((resolve) => (admitted = resolve));
        const serving = me(
          ['serve', '--home', anna, '--approve-all', '--for', '90'],
          '',
          undefined,
          relayIn,
        );
        let relay = q.start(['relay', '--home', relayHome, '--code', code!, '--forget-after', '2']);
        await relay.waitForLine(/^ready$/, 90_000);
        admitted();
        await serving;

        await me(['draft', 'write', ...c, '--title', 'Notes'], `Plan: ${CANARY}`);
        await me(['sync', ...c, '--timeout', '30']);
        // What the relay holds of epoch 0: the member's own envelopes, the same bytes.
        const opened = await openHome(anna, PASS);
        if (!opened.ok) throw new Error(opened.detail);
        const record = opened.value.records()[0]!;
        const k0 = deriveEpochSecrets(record.epochKeys.get(0)!, record.cellId, 0).contentKey;
        const epoch0 = (await opened.value.vault.store.scan('envelopes'))
          .map((r) => r.value)
          .filter((v) => decryptEnvelope(v, k0, record.cellId, 0).ok);
        await opened.value.close();
        expect(epoch0.length).toBeGreaterThan(0);
        // The relay's home is locked while it runs: stop it to look, then start it again.
        expect((await relay.stop()).code).toBe(0);
        const held = await rowsOf(relayHome);
        expect(epoch0.filter((e) => held.some((r) => sameBytes(r, e))).length).toBeGreaterThan(0);
        relay = q.start(['relay', '--home', relayHome, '--forget-after', '2']);
        await relay.waitForLine(/^ready$/, 60_000);

        expect(await me(['cell', 'rotate', ...c])).toEqual(['1']);
        await me(['sync', ...c, '--timeout', '30']);
        // Eleven minutes later: acknowledged, settled, epoch 0 forgotten, the notice posted.
        await me(['serve', '--home', anna, '--for', '15'], '', later(11 * 60_000));
        expect((await relay.stop()).code).toBe(0);

        const after = await rowsOf(relayHome);
        expect(epoch0.filter((e) => after.some((r) => sameBytes(r, e)))).toEqual([]);
        // Epoch 1 is still relayed: the relay holds envelopes of the current epoch.
        const reopened = await openHome(anna, PASS);
        if (!reopened.ok) throw new Error(reopened.detail);
        const now = reopened.value.records()[0]!;
        expect(now.horizonFloor).toBe(1);
        const k1 = deriveEpochSecrets(now.epochKeys.get(1)!, now.cellId, 1).contentKey;
        await reopened.value.close();
        expect(after.some((r) => decryptEnvelope(r, k1, now.cellId, 1).ok)).toBe(true);
      } finally {
        await q.killAll();
        await server.close();
      }
    },
  );
});
