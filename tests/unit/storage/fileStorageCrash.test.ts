import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { openFileStorage } from '../../../node/storage/FileStorage.ts';
import { TABLES } from '../../../shared/storage/Storage.ts';
import { counterValue, expectedAfter } from './crashWorkload.ts';
import { sameBytes } from './storageContract.ts';

const CHILD = fileURLToPath(new URL('./fileStorageCrashChild.ts', import.meta.url));
const ROUNDS = 6;
const SEED = 0x5eed;

/** mulberry32: the kill moments are random but reproducible. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs the writer child until `whileRunning` has run and `killAfterMs` has passed, SIGKILLs it
 * and returns the last batch it acknowledged (printed only after its write resolved).
 */
async function runAndKill(dir: string, killAfterMs: number, whileRunning: () => Promise<void>) {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
  const closed = new Promise<NodeJS.Signals | null>((resolve) =>
    child.on('close', (_code, signal) => resolve(signal)),
  );
  while (!out.includes('\n')) {
    if (child.exitCode !== null) throw new Error(`writer exited early: ${err}`);
    await sleep(10);
  }
  await whileRunning();
  await sleep(killAfterMs);
  child.kill('SIGKILL');
  expect(await closed, err).toBe('SIGKILL'); // it was writing until killed, not failing
  const lines = out.trim().split('\n');
  const startedAt = Number(/^ready (\d+)$/.exec(lines[0] ?? '')?.[1]);
  const acks = lines.slice(1).map((l) => /^ack (\d+) (\d+)$/.exec(l)?.slice(1).map(Number));
  acks.forEach((a, i) => expect(a?.[0]).toBe(startedAt + i + 1));
  return {
    startedAt,
    lastAck: acks.at(-1)?.[0] ?? startedAt,
    compactions: acks.at(-1)?.[1] ?? 0,
  };
}

const roots: string[] = [];
afterAll(async () => {
  for (const root of roots) await rm(root, { recursive: true, force: true });
});

it('never loses an acknowledged batch nor half-applies one when SIGKILLed at random', async () => {
  const root = await mkdtemp(join(tmpdir(), 'quire-crash-'));
  roots.push(root);
  const dir = join(root, 'home');
  const random = prng(SEED);
  let totalAcked = 0;
  let inFlightLanded = 0;
  let compactions = 0;
  let tornTails = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const { startedAt, lastAck, ...run } = await runAndKill(dir, 20 + random() * 400, async () => {
      // While the writer holds the home, nobody else may open it.
      await expect(openFileStorage(dir)).rejects.toMatchObject({ code: 'locked' });
    });
    totalAcked += lastAck - startedAt;
    compactions += run.compactions;
    const s = await openFileStorage(dir); // the killed writer's lock is stale now
    try {
      // A kill leaves at most an unfinished append, reported as a torn tail: never damage.
      const found = s.reports();
      expect(found.filter((r) => r.kind !== 'torn-tail')).toEqual([]);
      tornTails += found.length;
      const n = counterValue(await s.get('settings', 'counter'));
      expect(n).toBeGreaterThanOrEqual(lastAck); // every acknowledged batch survived
      expect(n).toBeLessThanOrEqual(lastAck + 1); // at most the one in flight landed
      if (n === lastAck + 1) inFlightLanded++;
      const want = expectedAfter(n);
      const got = new Map<string, Uint8Array>();
      for (const t of TABLES) for (const r of await s.list(t)) got.set(`${t}/${r.id}`, r.bytes);
      expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
      for (const [key, bytes] of want) expect(sameBytes(got.get(key), bytes), key).toBe(true);
    } finally {
      await s.close();
    }
  }
  expect(totalAcked).toBeGreaterThan(ROUNDS * 5); // the kills landed mid-workload, not before it
  expect(compactions).toBeGreaterThan(0); // and the log was rewritten while being killed
  console.log(
    `crash test: ${ROUNDS} kills, ${totalAcked} acknowledged batches, ${inFlightLanded} in-flight batches landed whole, ${tornTails} torn tails cut, ${compactions}+ compactions`,
  );
}, 180_000);
