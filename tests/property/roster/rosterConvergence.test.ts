/**
 * Seeded simulations of concurrent roster histories. A failing case names its seed; rerun it alone
 * with ROSTER_SEEDS=<seed> npx vitest run tests/property/roster, and add it to REGRESSION_SEEDS.
 * ROSTER_SEED_COUNT=<n> runs more seeds locally.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { sodiumReady } from '../../../shared/crypto/sodium.ts';
import { toHex } from '../../../shared/crypto/bytes.ts';
import { buildOpGraph } from '../../../shared/roster/buildOpGraph.ts';
import { computePastStates } from '../../../shared/roster/computePastStates.ts';
import { computeRoster } from '../../../shared/roster/computeRoster.ts';
import type { Roster } from '../../../shared/roster/Roster.ts';
import type { RosterState } from '../../../shared/roster/RosterState.ts';
import { replaySet } from '../../../shared/roster/replaySet.ts';
import { makeActor, rosterDigest, type Actor } from '../../unit/roster/rosterFixture.ts';
import {
  cacheWith,
  generateRosterHistory,
  prng,
  randInt,
  sharedChecks,
  shuffle,
  type History,
  type SharedChecks,
} from './generateRosterHistory.ts';

/** Seeds that once failed; they run on every CI run in addition to the range. */
const REGRESSION_SEEDS: readonly number[] = [];
const COUNT = Number(process.env.ROSTER_SEED_COUNT ?? 200);
const SEEDS = process.env.ROSTER_SEEDS
  ? process.env.ROSTER_SEEDS.split(',').map(Number)
  : [...REGRESSION_SEEDS, ...Array.from({ length: COUNT }, (_, i) => i + 1)];

let pool: Actor[] = [];
beforeAll(async () => {
  await sodiumReady();
  pool = Array.from({ length: 6 }, (_, i) => makeActor(`a${i}`, 'property'));
});

const GOVERNANCE = new Set(['invite', 'revoke-invite', 'admit', 'remove', 'set-role', 'rotate']);

function ancestors(h: History, id: string): Set<string> {
  const out = new Set<string>();
  const stack = [...(h.byId.get(id)?.heads ?? [])];
  for (let x = stack.pop(); x !== undefined; x = stack.pop()) {
    if (out.has(x)) continue;
    out.add(x);
    stack.push(...(h.byId.get(x)?.heads ?? []));
  }
  return out;
}

function stateDigest(s: RosterState): string {
  const sorted = <V>(m: ReadonlyMap<string, V>) => [...m].sort(([a], [b]) => (a < b ? -1 : 1));
  return JSON.stringify({
    ...s,
    members: sorted(s.members).map(([k, m]) => [
      k,
      m.role,
      m.pseudonym,
      m.keyEpoch,
      m.coordinatorSince,
    ]),
    departed: sorted(s.departed).map(([k, d]) => [k, d.kind, d.opId, d.keyEpoch, d.successor]),
    invites: sorted(s.invites),
    epochs: s.epochs.map((e) => ({ ...e, rolesAtEnd: e.rolesAtEnd && sorted(e.rolesAtEnd) })),
  });
}

function checkInvariants(seed: number, h: History, r: Roster, shared: SharedChecks) {
  const counted = new Set(r.applied);
  const anc = new Map(h.ops.map((op) => [op.id, ancestors(h, op.id)]));
  const concurrentOrAfter = (x: string, y: string) => !anc.get(y)!.has(x) && x !== y;
  expect(r.genesisId, `seed ${seed}: genesis`).toBe(h.genesisId);
  const coordinators = [...r.members.values()].filter((m) => m.role === 'coordinator');
  // The one exception (PROTOCOL §9.4): the last coordinator's key raced by two rekeys.
  if (r.rekeyConflicts.size === 0)
    expect(coordinators.length, `seed ${seed}: at least one coordinator`).toBeGreaterThan(0);
  checkRekeys(seed, h, r, counted, concurrentOrAfter);
  for (const op of h.ops) {
    if (!counted.has(op.id) || op.body.type === 'genesis') continue;
    // Departure wins: nothing of the departed counts unless it is in the departure's causal past.
    if (op.body.type === 'remove' || op.body.type === 'leave') {
      const target = op.body.type === 'remove' ? toHex(op.body.member) : op.author;
      for (const other of h.ops)
        if (counted.has(other.id) && other.author === target && other.id !== op.id)
          expect(
            concurrentOrAfter(other.id, op.id),
            `seed ${seed}: ${other.id} by departed ${target.slice(0, 8)} counted despite ${op.id}`,
          ).toBe(false);
    }
    // No future role: the author held the role in a fresh replay of exactly its causal past.
    const past = computeRoster(
      [...anc.get(op.id)!].map((id) => h.byId.get(id)!.bytes),
      { cellId: h.cellId, cache: cacheWith(h.cellId, shared) },
    );
    const role = past.members.get(op.author)?.role;
    expect(role !== undefined, `seed ${seed}: ${op.id} (${op.body.type}) by a non-member`).toBe(
      true,
    );
    if (GOVERNANCE.has(op.body.type))
      expect(role, `seed ${seed}: ${op.id} (${op.body.type}) by a non-coordinator`).toBe(
        'coordinator',
      );
  }
}

/**
 * A counted rekey wins over every op of its old key it did not see; two rekeys of one key never
 * both count (a conflict removes the key); a removal concurrent with a rekey beats it.
 */
function checkRekeys(
  seed: number,
  h: History,
  r: Roster,
  counted: ReadonlySet<string>,
  concurrentOrAfter: (x: string, y: string) => boolean,
) {
  const rekeys = h.ops.filter((op) => op.body.type === 'rekey');
  for (const rk of rekeys) {
    if (!counted.has(rk.id)) continue;
    expect(r.rekeyConflicts.has(rk.author), `seed ${seed}: ${rk.id} counted in a conflict`).toBe(
      false,
    );
    for (const other of h.ops) {
      if (other.id === rk.id || other.author !== rk.author || !counted.has(other.id)) continue;
      expect(
        concurrentOrAfter(other.id, rk.id),
        `seed ${seed}: ${other.id} by re-keyed ${rk.author.slice(0, 8)} counted despite ${rk.id}`,
      ).toBe(false);
    }
    for (const rm of h.ops) {
      const target = rm.body.type === 'remove' ? toHex(rm.body.member) : undefined;
      if (target !== rk.author || !counted.has(rm.id)) continue;
      expect(
        concurrentOrAfter(rm.id, rk.id) && concurrentOrAfter(rk.id, rm.id),
        `seed ${seed}: ${rk.id} counted although removal ${rm.id} was concurrent`,
      ).toBe(false);
    }
  }
  for (const who of r.rekeyConflicts.keys())
    expect(r.members.has(who) || r.rekeyed.has(who), `seed ${seed}: conflicted ${who}`).toBe(false);
}

describe('roster convergence (seeded)', () => {
  it.each(SEEDS)('seed %i', (seed) => {
    const verified = sharedChecks();
    const h = generateRosterHistory(seed, pool, verified);
    const rand = prng(seed ^ 0x5eed);
    const all = h.ops.map((op) => op.bytes);
    const reference = computeRoster(shuffle(rand, all), {
      cellId: h.cellId,
      cache: cacheWith(h.cellId, verified),
    });
    const ref = rosterDigest(reference);

    // Peers receive everything in random orders and chunks, recomputing incrementally.
    for (let p = 0; p < 3; p++) {
      const order = shuffle(rand, all);
      const cache = cacheWith(h.cellId, verified);
      let held = 0;
      while (held < order.length) {
        held = Math.min(order.length, held + 1 + randInt(rand, 8));
        const part = order.slice(0, held);
        const mine = rosterDigest(computeRoster(part, { cellId: h.cellId, cache }));
        if (randInt(rand, 4) === 0 || held === order.length) {
          // Same set, other order, nothing cached but verification: same roster.
          const other = computeRoster(shuffle(rand, part), {
            cellId: h.cellId,
            cache: cacheWith(h.cellId, verified),
          });
          expect(mine, `seed ${seed}: peer ${p} with ${held} ops differs from a fresh replay`).toBe(
            rosterDigest(other),
          );
        }
        if (held === order.length)
          expect(mine, `seed ${seed}: peer ${p} did not converge`).toBe(ref);
      }
    }

    checkInvariants(seed, h, reference, verified);

    // The one-head shortcut for causal-past rosters equals a full replay of that past.
    const g = buildOpGraph(h.cellId, all, cacheWith(h.cellId, verified));
    const pasts = computePastStates(g, cacheWith(h.cellId, verified));
    for (const op of g.ops) {
      const subset = g.ops.filter((o) => g.anc[op.index]!.has(o.index)).map((o) => o.index);
      const full = replaySet(g, subset, (i) => pasts[i]!).state;
      expect(stateDigest(full), `seed ${seed}: past of ${op.opId}`).toBe(
        stateDigest(pasts[op.index]!),
      );
    }
  });
});
