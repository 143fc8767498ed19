import { describe, expect, it } from 'vitest';
import { toHex } from '../../../shared/crypto/bytes.ts';
import { removeMember, rotateEpoch } from '../../../shared/runtime/cellGovernance.ts';
import type { CellRuntime } from '../../../shared/runtime/CellRuntime.ts';
import { prng, randInt } from '../../support/prng.ts';
import { createRuntimeCell, currentKeyHex, memberHex } from '../../unit/runtime/runtimeCell.ts';

/**
 * Issue 13 item 2 as a property: coordinators remove, rotate and admit concurrently while the
 * network drops, duplicates and reorders messages and random members are cut off. After healing
 * (and the re-rotation an online coordinator owes), every active member holds the same key for
 * the newest epoch, no removed identity holds it, and a line written then reaches exactly the
 * active members.
 *
 * The seed fixes the schedule (who acts, when, which partitions, which messages are lost). Keys,
 * nonces and so op ids are real and random, so a replay runs the same schedule with other keys:
 * the winner of a race can differ, which is why each seed is run once per CI and the count is high.
 */

/**
 * Seeds that once failed and lie beyond the default range; kept as regression cases. (Seeds 1, 2,
 * 3, 5, 9, 13, 15, 16, 20, 39, 41, 51 and 98 found the faults fixed while this test was written:
 * a notice only on counts, stranded joiners, rooms left twice, a removal race split for good.)
 */
const REGRESSION_SEEDS: number[] = [];
const SEEDS = Number(process.env.QUIRE_MEMBERSHIP_SEEDS ?? 100);
const DOC = new Uint8Array(16).fill(3);

async function run(seed: number): Promise<void> {
  const rand = prng(seed);
  const where = `seed ${seed} (reproduce: QUIRE_SIM_SEED=${seed})`;
  const { cell, founder } = await createRuntimeCell(rand, {
    drop: 0.05,
    duplicate: 0.05,
    minLatency: 1,
    maxLatency: 150,
    reconnectMs: 300,
  });
  const all: CellRuntime[] = [founder];
  const coordinators = 1 + randInt(rand, 2);
  for (let i = 1; i <= coordinators; i++)
    all.push(await cell.admit(founder, `Coordinator${i}`, 'coordinator', all.length));
  for (let i = 0; i < 3; i++)
    all.push(await cell.admit(founder, `Member${i}`, 'member', all.length));
  await cell.advance(3_000);

  const isCoordinator = (rt: CellRuntime): boolean =>
    rt.currentRoster().members.get(memberHex(rt))?.role === 'coordinator';
  const steps = 3 + randInt(rand, 4);
  for (let step = 0; step < steps; step++) {
    // A random partition: each peer but one is cut off with probability 1/3.
    for (let p = 0; p < all.length; p++) cell.net.setOffline(p, rand() < 1 / 3);
    const actors = all.filter((rt) => rt.state === 'active' && isCoordinator(rt));
    const actor = actors[randInt(rand, actors.length)];
    if (!actor) break;
    const roll = rand();
    if (roll < 0.45) {
      // Remove someone this coordinator still sees; never the founder, so a coordinator remains.
      const view = actor.currentRoster();
      const targets = all.filter(
        (rt) => rt !== founder && rt !== actor && view.members.has(memberHex(rt)),
      );
      const target = targets[randInt(rand, targets.length)];
      if (target) await removeMember(actor, memberHex(target));
    } else if (roll < 0.7) {
      await rotateEpoch(actor);
    } else if (roll < 0.9) {
      all.push(await cell.admit(actor, `Late${step}`, 'member', all.length));
    } else {
      // Only the founder writes: she is never removed. (Whether an edit made concurrently with
      // its author's removal counts is a document-integrity question, issue 14, not a key one.)
      founder.sync.doc(DOC).getText('t').insert(0, `s${step} `);
    }
    await cell.advance(randInt(rand, 5_000));
  }
  const epochAtHeal = Math.max(...all.map((rt) => rt.currentRoster().epoch));
  cell.net.healAll();
  // Coordinators re-rotate in a fixed order a minute apart; give every one of them its turn.
  await cell.advance(400_000);

  const consensus = founder.currentRoster();
  const active = all.filter((rt) => consensus.members.has(memberHex(rt)));
  const departed = all.filter((rt) => !consensus.members.has(memberHex(rt)));
  expect(consensus.rotationNeeded, `${where}: a departed member holds the key`).toBe(false);
  expect(consensus.keyMissing, `${where}: members lack the key`).toEqual([]);
  const key = currentKeyHex(founder);
  expect(key, where).toBeDefined();
  // No storm: after healing, at most one re-rotation per coordinator in line (normally one).
  expect(consensus.epoch - epochAtHeal, `${where}: rotations after healing`).toBeLessThanOrEqual(
    1 + coordinators,
  );
  for (const rt of active) {
    expect(rt.currentRoster().applied, `${where}: rosters differ`).toEqual(consensus.applied);
    expect(currentKeyHex(rt), `${where}: ${rt.me.pseudonym} holds another key`).toBe(key);
    expect(rt.sync.status().epoch, `${where}: ${rt.me.pseudonym} writes elsewhere`).toBe(
      consensus.epoch,
    );
  }
  for (const rt of departed) {
    const held = Array.from(rt.cellRecord.epochKeys.values(), (k) => toHex(k));
    expect(held, `${where}: removed ${rt.me.pseudonym} holds the current key`).not.toContain(key);
  }
  active[0]?.sync.doc(DOC).getText('t').insert(0, 'healed ');
  await cell.advance(30_000);
  const text = founder.sync.doc(DOC).getText('t').toJSON();
  expect(text, where).toMatch(/^healed /);
  for (const rt of active)
    expect(rt.sync.doc(DOC).getText('t').toJSON(), `${where}: ${rt.me.pseudonym}`).toBe(text);
  for (const rt of departed)
    expect(rt.sync.doc(DOC).getText('t').toJSON(), `${where}: removed reads`).not.toContain(
      'healed',
    );
  for (const rt of all) await rt.close();
}

describe('concurrent membership changes: keys follow the rotate that counts', () => {
  it.each(REGRESSION_SEEDS)('regression seed %i', (seed) => run(seed));

  const only = process.env.QUIRE_SIM_SEED;
  const seeds = only ? [Number(only)] : Array.from({ length: SEEDS }, (_, i) => i + 1);
  it(`${seeds.length} seeds: one key for the active members, none for the removed`, async () => {
    for (const seed of seeds) await run(seed);
  }, 900_000);
});
