import { describe, expect, it } from 'vitest';
import { simulateCell, type SimulationOptions } from '../../support/simulateCell.ts';

/** Seeds that once failed; kept forever as regression cases. */
const REGRESSION_SEEDS: number[] = [4];

const SEEDS = Number(process.env.QUIRE_SIM_SEEDS ?? 200);

const options: SimulationOptions = {
  peers: 5,
  steps: 100,
  restart: 0.03,
  rolloverEntries: 12,
  faults: { drop: 0.1, duplicate: 0.1, minLatency: 1, maxLatency: 200, reconnectMs: 500 },
};

async function check(seed: number): Promise<void> {
  const r = await simulateCell(seed, options);
  const where = `seed ${seed} (reproduce: QUIRE_SIM_SEED=${seed})`;
  for (let p = 1; p < r.texts.length; p++) {
    expect(r.texts[p], `${where}: peer ${p} text differs from peer 0`).toEqual(r.texts[0]);
  }
  for (const log of r.logs) expect(log, `${where}: an appended token was lost`).toEqual(r.written);
  expect(r.pending, `${where}: pending buffers not empty`).toEqual(r.pending.map(() => 0));
  expect(r.rejected, `${where}: honest peers had envelopes rejected`).toEqual(
    r.rejected.map(() => 0),
  );
}

describe('seeded multi-peer simulation: drop, duplicate, reorder, partition, restart, rollover', () => {
  it.each(REGRESSION_SEEDS)('regression seed %i converges', async (seed) => check(seed));

  const only = process.env.QUIRE_SIM_SEED;
  const seeds = only ? [Number(only)] : Array.from({ length: SEEDS }, (_, i) => i + 1);
  it(`${seeds.length} seeds converge with nothing lost`, async () => {
    for (const seed of seeds) await check(seed);
  }, 600_000);

  it(`${Math.min(60, seeds.length)} seeds converge across a key rotation (epoch 0 -> 1)`, async () => {
    for (const seed of seeds.slice(0, 60)) {
      const r = await simulateCell(seed, { ...options, rotateAtStep: 40 });
      const where = `rotation seed ${seed}`;
      expect(r.epochs, where).toEqual(r.epochs.map(() => 1));
      for (let p = 1; p < r.texts.length; p++) expect(r.texts[p], where).toEqual(r.texts[0]);
      for (const log of r.logs) expect(log, `${where}: token lost`).toEqual(r.written);
      expect(r.pending, where).toEqual(r.pending.map(() => 0));
    }
  }, 600_000);

  it('rollovers happen in the simulated runs (the scenario exercises them)', async () => {
    const r = await simulateCell(7, { ...options, steps: 120, rolloverEntries: 20 });
    expect(Math.max(...r.generations)).toBeGreaterThan(0);
    for (let p = 1; p < r.texts.length; p++) expect(r.texts[p]).toEqual(r.texts[0]);
  });
});
