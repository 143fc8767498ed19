import { describe, expect, it } from 'vitest';
import { simulateCell, type SimulationOptions } from '../../support/simulateCell.ts';

/** Seeds that once failed; kept forever as regression cases. */
const REGRESSION_SEEDS: number[] = [];

/** Shared-fork seeds that once failed; kept forever as regression cases. */
const SHARED_FORK_REGRESSION_SEEDS: number[] = [];

const SEEDS = Number(process.env.QUIRE_BYZANTINE_SEEDS ?? 100);

/** Envelopes kept per honest peer's current wire doc stay under this (junk is never kept). */
const KEPT_BUDGET_BYTES = 2 * 1024 * 1024;

const options: SimulationOptions = {
  peers: 5,
  steps: 90,
  restart: 0.03,
  rolloverEntries: 12,
  byzantine: 0.3,
  faults: { drop: 0.1, duplicate: 0.1, minLatency: 1, maxLatency: 200, reconnectMs: 500 },
};

async function check(seed: number): Promise<void> {
  const r = await simulateCell(seed, options);
  const informer = r.informer;
  if (!informer) throw new Error('the run had no informer');
  const where = `byzantine seed ${seed} (reproduce: QUIRE_SIM_SEED=${seed}; informer did ${JSON.stringify(informer.tally)})`;
  // The shared texts and the log are documents the informer wrote into but never forked.
  for (let p = 1; p < r.texts.length; p++)
    expect(r.texts[p], `${where}: peer ${p} text differs from peer 0`).toEqual(r.texts[0]);
  // What honest members wrote (and every nested or forged type) is identical everywhere. The
  // informer's own valid writes ('noise') are not compared: an informer that overwrites its own
  // entries can leave some members waiting for its later seqs (seed 24: THREAT_MODEL §6).
  const honest = (c: readonly string[] | undefined) =>
    (c ?? []).map((d) => {
      const { noise, ...rest } = JSON.parse(d) as Record<string, unknown>;
      void noise;
      return rest;
    });
  for (let p = 1; p < r.contents.length; p++)
    expect(honest(r.contents[p]), `${where}: peer ${p} holds other content`).toEqual(
      honest(r.contents[0]),
    );
  for (const doc of r.contents[0] ?? []) {
    expect(doc, `${where}: words signed by the informer under a member's name`).not.toContain(
      'never wrote',
    );
    expect(doc, `${where}: nesting past the bound was applied`).not.toContain('<blockquote>');
  }
  for (const log of r.logs) expect(log, `${where}: an honest token was lost`).toEqual(r.written);
  for (const [p, bytes] of r.keptBytes.entries())
    expect(bytes, `${where}: peer ${p} keeps too much`).toBeLessThan(KEPT_BUDGET_BYTES);
  if (informer.tally.equivocations > 0)
    for (const [p, named] of r.proven.entries())
      expect(named, `${where}: peer ${p} does not name the informer`).toEqual([informer.hex]);
  else for (const named of r.proven) expect(named, `${where}: someone was framed`).toEqual([]);
}

async function checkSharedFork(seed: number): Promise<void> {
  const r = await simulateCell(seed, { ...options, forkShared: true });
  const where = `shared-fork seed ${seed} (reproduce: QUIRE_SIM_SEED=${seed})`;
  for (const log of r.logs) expect(log, `${where}: an honest token was lost`).toEqual(r.written);
  if ((r.informer?.tally.equivocations ?? 0) > 0)
    for (const named of r.proven) expect(named, where).toEqual([r.informer?.hex]);
  for (let p = 1; p < r.texts.length; p++) {
    expect(r.honestTexts[p], `${where}: peer ${p} honest text differs`).toEqual(r.honestTexts[0]);
    expect(r.texts[p], `${where}: peer ${p} text differs from peer 0`).toEqual(r.texts[0]);
  }
}

describe('seeded simulation with one informer among five honest members', () => {
  it.each(REGRESSION_SEEDS)('regression seed %i', async (seed) => check(seed));

  const only = process.env.QUIRE_SIM_SEED;
  const seeds = only ? [Number(only)] : Array.from({ length: SEEDS }, (_, i) => i + 1);
  it(`${seeds.length} seeds: honest members converge, keep every honest edit, name the informer`, async () => {
    for (const seed of seeds) await check(seed);
  }, 900_000);

  // A fork inside a text others edit: once the proof reaches everyone, every honest member
  // rebuilds that text on the canonical version (THREAT_MODEL §6), so the copies are identical.
  it(`${Math.min(30, seeds.length)} seeds with forks in a shared text: identical honest content, the informer named`, async () => {
    const failed: number[] = [];
    for (const seed of [...new Set([5, ...SHARED_FORK_REGRESSION_SEEDS, ...seeds.slice(0, 30)])]) {
      try {
        await checkSharedFork(seed);
      } catch (e) {
        // Every failing seed is named, then kept in SHARED_FORK_REGRESSION_SEEDS once fixed.
        failed.push(seed);
        console.error(e);
      }
    }
    expect(failed, 'failing shared-fork seeds').toEqual([]);
  }, 600_000);

  it('the runs exercise every attack and rollovers', async () => {
    const totals: Record<string, number> = {};
    let rolled = 0;
    for (const seed of seeds.slice(0, 8)) {
      const r = await simulateCell(seed, options);
      const tally: Record<string, number> = { ...r.informer?.tally };
      for (const [k, v] of Object.entries(tally)) totals[k] = (totals[k] ?? 0) + v;
      rolled = Math.max(rolled, ...r.generations);
    }
    for (const [k, v] of Object.entries(totals)) expect(v, k).toBeGreaterThan(0);
    expect(Object.keys(totals)).toHaveLength(9);
    expect(rolled).toBeGreaterThan(0);
  }, 300_000);
});
