/**
 * Seeded random roster histories fed to RosterLog, which drops for good every op that cannot
 * count in its own causal past (issue 13 item 3). A failing case names its seed; rerun it alone
 * with ROSTER_SEEDS=<seed> npx vitest run tests/property/roster/rosterLogDrops.test.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { sodiumReady } from '../../../shared/crypto/sodium.ts';
import { computeRoster } from '../../../shared/roster/computeRoster.ts';
import type { Roster } from '../../../shared/roster/Roster.ts';
import { RosterLog } from '../../../shared/runtime/RosterLog.ts';
import { makeActor, rosterDigest, type Actor } from '../../unit/roster/rosterFixture.ts';
import {
  generateRosterHistory,
  prng,
  randInt,
  sharedChecks,
  shuffle,
  type History,
} from './generateRosterHistory.ts';

const COUNT = Number(process.env.ROSTER_SEED_COUNT ?? 150);
const SEEDS = process.env.ROSTER_SEEDS
  ? process.env.ROSTER_SEEDS.split(',').map(Number)
  : Array.from({ length: COUNT }, (_, i) => i + 1);

let pool: Actor[] = [];
beforeAll(async () => {
  await sodiumReady();
  pool = Array.from({ length: 6 }, (_, i) => makeActor(`a${i}`, 'property'));
});

/** A log fed the history in a random order and random chunks. */
function feed(h: History, seed: number): RosterLog {
  const rand = prng(seed);
  const log = new RosterLog(h.cellId);
  const order = shuffle(
    rand,
    h.ops.map((op) => op.bytes),
  );
  for (let at = 0; at < order.length;) {
    const n = 1 + randInt(rand, 4);
    log.add(...order.slice(at, at + n));
    at += n;
  }
  return log;
}

/** What counts: everything a roster says but the lists of what it rejected and lacks. */
const counted = (r: Roster): string => rosterDigest({ ...r, rejected: [], missing: [] });

describe('RosterLog drops ops that cannot count', () => {
  it(`${SEEDS.length} seeds: every order gives one roster; a dropped op never counts`, () => {
    for (const seed of SEEDS) {
      const where = `seed ${seed}`;
      const h = generateRosterHistory(seed, pool, sharedChecks());
      const full = computeRoster(
        h.ops.map((op) => op.bytes),
        { cellId: h.cellId },
      );
      const [a, b] = [feed(h, seed * 2), feed(h, seed * 2 + 1)];
      expect(rosterDigest(b.roster()), where).toBe(rosterDigest(a.roster()));
      const dropped = h.ops.filter((op) => !a.carries(op.id));
      for (const op of dropped) expect(full.applied, where).not.toContain(op.id);
      // With nothing left waiting on a dropped op, dropping changed nothing that counts.
      if (a.roster().missing.length === 0) expect(counted(a.roster()), where).toBe(counted(full));
    }
  });
});
