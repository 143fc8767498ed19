import { beforeAll, describe, expect, it } from 'vitest';
import { toHex } from '../../../shared/crypto/bytes.ts';
import { sodiumReady } from '../../../shared/crypto/sodium.ts';
import { computeRoster } from '../../../shared/roster/computeRoster.ts';
import { createRosterCache } from '../../../shared/roster/RosterCache.ts';
import {
  counted,
  makeActor,
  reasonOf,
  rosterDigest,
  shuffled,
  TestCell,
  type Actor,
} from './rosterFixture.ts';

let alice: Actor, bob: Actor, carol: Actor;
beforeAll(async () => {
  await sodiumReady();
  [alice, bob, carol] = ['alice', 'bob', 'carol'].map((n) => makeActor(n)) as [Actor, Actor, Actor];
});

describe('op graph', () => {
  it('is empty before the genesis, and holds ops whose heads are absent as missing_heads', () => {
    const cell = new TestCell(alice);
    const empty = computeRoster([], { cellId: cell.cellId });
    expect(empty).toMatchObject({ genesisId: undefined, epoch: -1, applied: [], rejected: [] });
    expect(empty.members.size).toBe(0);

    const invite = cell.invite(alice, 'i').opId;
    const admit = cell.admit(alice, bob, cell.invite(alice, 'j').inviteId);
    const withoutInvites = [...cell.bytes.keys()].filter((id) => id !== invite);
    const r = cell.roster(withoutInvites);
    // The op after the absent one waits, and so does everything after it.
    expect(r.missing).toEqual([invite]);
    expect(reasonOf(r, admit)).toBe('missing_heads');
    expect(r.members.has(bob.hex)).toBe(false);
    const all = cell.roster();
    expect(counted(all, admit)).toBe(true);
    expect(all.missing).toEqual([]);
  });

  it('gives the same roster for any order, duplicates included', () => {
    const cell = new TestCell(alice);
    cell.join(alice, carol, 'coordinator');
    const base = cell.frontier();
    cell.join(alice, bob);
    cell.remove(carol, alice, base);
    const ids = [...cell.bytes.keys()];
    const ref = rosterDigest(cell.roster(ids));
    for (let seed = 1; seed <= 10; seed++)
      expect(rosterDigest(cell.roster([...shuffled(ids, seed), ...ids.slice(0, seed % 4)]))).toBe(
        ref,
      );
  });

  it('gives the same roster incrementally through a cache as computed fresh', () => {
    const cell = new TestCell(alice);
    cell.join(alice, carol, 'coordinator');
    const base = cell.frontier();
    cell.join(alice, bob);
    cell.op(carol, { type: 'rename', pseudonym: 'c' }, base);
    cell.remove(carol, alice, base);
    cell.op(bob, { type: 'leave' });
    const order = shuffled([...cell.bytes.keys()], 42);
    const cache = createRosterCache(toHex(cell.cellId));
    for (let n = 1; n <= order.length; n++) {
      const prefix = order.slice(0, n);
      expect(rosterDigest(cell.roster(prefix, cache))).toBe(rosterDigest(cell.roster(prefix)));
    }
    // A cache of another cell is not used.
    const other = new TestCell(bob);
    const foreign = createRosterCache(toHex(other.cellId));
    expect(rosterDigest(cell.roster(order, foreign))).toBe(rosterDigest(cell.roster(order)));
    expect(foreign.verified.size).toBe(0);
  });

  it('treats bytes that are not ops as malformed and keeps going', () => {
    const cell = new TestCell(alice);
    cell.join(alice, bob);
    const junk = [new Uint8Array(), new Uint8Array([1]), new Uint8Array(200).fill(7)];
    const r = computeRoster([...junk, ...[...cell.bytes.values()]], { cellId: cell.cellId });
    expect(r.members.size).toBe(2);
    expect(r.rejected.map((x) => x.reason)).toEqual(['malformed', 'malformed', 'malformed']);
  });
});
