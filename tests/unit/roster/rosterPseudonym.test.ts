import { beforeAll, describe, expect, it } from 'vitest';
import { sodiumReady } from '../../../shared/crypto/sodium.ts';
import { counted, makeActor, reasonOf, TestCell, type Actor } from './rosterFixture.ts';

let alice: Actor, bob: Actor, carol: Actor;

beforeAll(async () => {
  await sodiumReady();
  [alice, bob, carol] = ['alice', 'bob', 'carol'].map((n) => makeActor(n)) as [Actor, Actor, Actor];
});

const pseudonymOf = (cell: TestCell, who: Actor): string | undefined =>
  cell.roster().members.get(who.hex)?.pseudonym;

/**
 * Issue 14 item 5: pseudonyms are how members tell each other apart on every screen. Before the
 * rule, a member could rename to another member's pseudonym (or be admitted under it) and put
 * words and tasks under a name everyone trusts.
 */
describe('pseudonyms are unique within a cell', () => {
  it("a rename to a current member's pseudonym (after NFC and case folding) does not count", () => {
    const cell = new TestCell(alice);
    cell.join(alice, bob);
    cell.join(alice, carol);
    const exact = cell.op(carol, { type: 'rename', pseudonym: 'bob' });
    const folded = cell.op(carol, { type: 'rename', pseudonym: 'BOB' });
    const r = cell.roster();
    expect(reasonOf(r, exact)).toBe('pseudonym_taken');
    expect(reasonOf(r, folded)).toBe('pseudonym_taken');
    expect(pseudonymOf(cell, carol)).toBe('carol');
    // Control: a free name counts, and so does one's own name in another case.
    const free = cell.op(carol, { type: 'rename', pseudonym: 'Chen' });
    const own = cell.op(carol, { type: 'rename', pseudonym: 'CHEN' });
    expect(counted(cell.roster(), free)).toBe(true);
    expect(counted(cell.roster(), own)).toBe(true);
    expect(pseudonymOf(cell, carol)).toBe('CHEN');
  });

  it('NFC: a composed and a decomposed spelling are the same name', () => {
    const cell = new TestCell(alice);
    cell.join(alice, bob);
    const zoe = cell.op(bob, { type: 'rename', pseudonym: 'Zo\u00e9' });
    expect(counted(cell.roster(), zoe)).toBe(true);
    cell.join(alice, carol);
    const copy = cell.op(carol, { type: 'rename', pseudonym: 'zoe\u0301' });
    expect(reasonOf(cell.roster(), copy)).toBe('pseudonym_taken');
  });

  it("an admit under a current member's pseudonym does not count; a departed member's name is free", () => {
    const cell = new TestCell(alice);
    cell.join(alice, bob);
    const otherBob = makeActor('bob', 'impostor');
    const twin = cell.admit(alice, otherBob, cell.invite(alice, 'twin').inviteId);
    expect(reasonOf(cell.roster(), twin)).toBe('pseudonym_taken');
    expect(cell.roster().members.has(otherBob.hex)).toBe(false);
    cell.remove(alice, bob);
    const later = cell.admit(alice, otherBob, cell.invite(alice, 'later').inviteId);
    expect(counted(cell.roster(), later)).toBe(true);
  });
});
