import { beforeAll, describe, expect, it } from 'vitest';
import { sodiumReady } from '../../../shared/crypto/sodium.ts';
import { ENVELOPE_KIND } from '../../../shared/envelope/EnvelopeKind.ts';
import { computeRoster } from '../../../shared/roster/computeRoster.ts';
import { RosterLog } from '../../../shared/runtime/RosterLog.ts';
import { makeActor, TestCell, type Actor } from '../roster/rosterFixture.ts';

let anna: Actor, boris: Actor, chen: Actor;
beforeAll(async () => {
  await sodiumReady();
  [anna, boris, chen] = ['anna', 'boris', 'chen'].map((n) => makeActor(n)) as [Actor, Actor, Actor];
});

/**
 * Two coordinators remove each other at once. Which removal counts is decided over the whole set
 * of ops (seniority), so a peer must take in the roster ops of a coordinator it already counts as
 * removed: refusing them at the envelope (as before: "not_member") left that peer computing
 * another roster than a peer that saw them first, for good. Found by the membership property test.
 */
describe('roster envelopes from a departed identity', () => {
  it('are accepted for judging, and both orders of arrival give one roster', () => {
    const cell = new TestCell(anna);
    cell.join(anna, boris, 'coordinator');
    cell.join(anna, chen);
    const base = cell.frontier();
    const annaRemovesBoris = cell.remove(anna, boris, base);
    const borisRemovesAnna = cell.remove(boris, anna, base);
    const borisLater = cell.setRole(boris, chen, 'reader', [borisRemovesAnna]);
    const everything = computeRoster(cell.bytes.values(), { cellId: cell.cellId });

    // A peer that learnt first of Anna's removal of Boris.
    const log = new RosterLog(
      cell.cellId,
      cell.closure([annaRemovesBoris]).map((id) => cell.get(id)),
    );
    expect(log.roster().removed.has(boris.hex)).toBe(true);
    expect(log.writeCheck(boris.signPk, 0, ENVELOPE_KIND.roster)).toBe('ok');
    log.add(cell.get(borisRemovesAnna), cell.get(borisLater));
    expect(log.roster().applied).toEqual(everything.applied);
    // Not a door for strangers: someone the roster never knew is still refused.
    expect(log.writeCheck(makeActor('stranger').signPk, 0, ENVELOPE_KIND.roster)).toBe(
      'not_member',
    );
  });
});
