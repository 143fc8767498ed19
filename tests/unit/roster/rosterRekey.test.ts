/**
 * The `rekey` op ("my device was out of my hands"): the rules that move a member to fresh keys,
 * and the conflict rules for a thief who holds the old key too and races.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { toHex } from '../../../shared/crypto/bytes.ts';
import { sodiumReady } from '../../../shared/crypto/sodium.ts';
import { openEpochWrap } from '../../../shared/roster/openEpochWrap.ts';
import { decodeRosterOp } from '../../../shared/roster/decodeRosterOp.ts';
import { formerKeys } from '../../../shared/roster/formerKeys.ts';
import type { Roster } from '../../../shared/roster/Roster.ts';
import {
  counted,
  makeActor,
  reasonOf,
  rekeyProof,
  rosterDigest,
  shuffled,
  TestCell,
  type Actor,
} from './rosterFixture.ts';

let alice: Actor, bob: Actor, carol: Actor, bob2: Actor, bob3: Actor, thief: Actor;

beforeAll(async () => {
  await sodiumReady();
  [alice, bob, carol, bob2, bob3, thief] = [
    'alice',
    'bob',
    'carol',
    'bob-new',
    'bob-newer',
    'thief',
  ].map((n) => makeActor(n)) as [Actor, Actor, Actor, Actor, Actor, Actor];
});

/** Every one of 12 seeded arrival orders gives the same roster. */
function expectOrderIndependent(cell: TestCell): Roster {
  const ids = [...cell.bytes.keys()];
  const first = cell.roster(ids);
  for (let seed = 1; seed <= 12; seed++)
    expect(rosterDigest(cell.roster(shuffled(ids, seed * 7919)))).toBe(rosterDigest(first));
  return first;
}

/** alice (creator, coordinator), bob (member), carol (coordinator). */
function cellWithBob(): TestCell {
  const cell = new TestCell(alice);
  cell.join(alice, bob);
  cell.join(alice, carol, 'coordinator');
  return cell;
}

describe('rekey: the same person on fresh keys', () => {
  it('moves pseudonym, role, admission and history access; the old identity is refused afterwards', () => {
    const cell = cellWithBob();
    const before = cell.roster().members.get(bob.hex)!;
    const rk = cell.rekey(bob, bob2);
    const r = expectOrderIndependent(cell);
    expect(counted(r, rk)).toBe(true);
    expect(r.members.has(bob.hex)).toBe(false);
    const now = r.members.get(bob2.hex)!;
    expect(now).toMatchObject({
      pseudonym: 'bob',
      role: 'member',
      admittedBy: before.admittedBy,
      joinedAt: before.joinedAt,
      historyAccess: before.historyAccess,
      keyEpoch: before.keyEpoch,
    });
    expect(toHex(now.boxPk)).toBe(toHex(bob2.boxPk));
    expect([...r.rekeyed]).toEqual([[bob.hex, bob2.hex]]);
    expect(r.removed.has(bob.hex) || r.left.has(bob.hex)).toBe(false);
    // The old box key held the current epoch key: a rotation is due; the new key is not missing.
    expect(r.rotationNeeded).toBe(true);
    expect(r.keyMissing).toEqual([]);
    // Anything the old key signs after the rekey is refused; the new key writes on.
    const late = cell.op(bob, { type: 'rename', pseudonym: 'not bob' });
    const fine = cell.op(bob2, { type: 'rename', pseudonym: 'bobby' });
    const after = cell.roster();
    expect(reasonOf(after, late)).toBe('removed_author');
    expect(counted(after, fine)).toBe(true);
    expect(after.members.get(bob2.hex)?.pseudonym).toBe('bobby');
  });

  it('the next rotation wraps to the new box key only, and clears rotationNeeded', () => {
    const cell = cellWithBob();
    cell.rekey(bob, bob2);
    const key = new Uint8Array(32).fill(0x42);
    const rot = cell.rotate(alice, key);
    const r = cell.roster();
    expect(counted(r, rot)).toBe(true);
    expect(r.rotationNeeded).toBe(false);
    expect(r.epochs[1]?.recipients).toContain(bob2.hex);
    expect(r.epochs[1]?.recipients).not.toContain(bob.hex);
    const d = decodeRosterOp(cell.get(rot));
    if (!d.ok || d.value.body.type !== 'rotate') throw new Error('not a rotate');
    expect(openEpochWrap(d.value.body, cell.cellId, bob2).ok).toBe(true);
    expect(openEpochWrap(d.value.body, cell.cellId, bob).ok).toBe(false);
    // The old key's writes in the rekey's epoch are refused (its role there is gone).
    expect(r.epochs[0]?.rolesAtEnd?.has(bob.hex)).toBe(false);
    expect(r.epochs[0]?.rolesAtEnd?.get(bob2.hex)).toBe('member');
  });

  it('a coordinator keeps governing under the new key; the old key’s open invites die', () => {
    const cell = cellWithBob();
    const inv = cell.invite(carol, 'from-old-key');
    cell.rekey(carol, bob3);
    const r = cell.roster();
    expect(r.members.get(bob3.hex)?.role).toBe('coordinator');
    expect(r.invites.get(toHex(inv.inviteId))?.status).toBe('dead');
    const coordinators = [...r.members.values()].filter((m) => m.role === 'coordinator');
    expect(coordinators).toHaveLength(2);
    const fresh = cell.invite(bob3, 'from-new-key');
    expect(cell.roster().invites.get(toHex(fresh.inviteId))?.status).toBe('open');
    // An admit through the old key's invite, concurrent with the rekey, does not count either.
  });

  it('re-keys in a chain: every earlier key is refused, the link map names each step', () => {
    const cell = cellWithBob();
    cell.rekey(bob, bob2);
    cell.rekey(bob2, bob3);
    const r = expectOrderIndependent(cell);
    expect(r.members.get(bob3.hex)?.pseudonym).toBe('bob');
    expect(r.rekeyed.get(bob.hex)).toBe(bob2.hex);
    expect(r.rekeyed.get(bob2.hex)).toBe(bob3.hex);
    expect(formerKeys(r, bob3.hex)).toEqual([bob2.hex, bob.hex]);
    expect(formerKeys(r, alice.hex)).toEqual([]);
    for (const old of [bob, bob2]) {
      const late = cell.op(old, { type: 'leave' });
      expect(reasonOf(cell.roster(), late)).toBe('removed_author');
    }
  });
});

describe('rekey: what does not count', () => {
  it('refuses a proof not made by the new key, for another identity, cell or box key', () => {
    const cell = cellWithBob();
    const other = new TestCell(alice, 'Other', new Uint8Array(16).fill(9));
    const base = cell.frontier();
    const wrong = {
      byOldKey: rekeyProof(cell.cellId, bob, bob2, bob),
      byStranger: rekeyProof(cell.cellId, bob, bob2, thief),
      forAnotherIdentity: rekeyProof(cell.cellId, carol, bob2),
      forAnotherCell: rekeyProof(other.cellId, bob, bob2),
      forAnotherBoxKey: rekeyProof(cell.cellId, bob, { ...bob2, boxPk: thief.boxPk }),
    };
    for (const [name, proof] of Object.entries(wrong)) {
      const id = cell.rekey(bob, bob2, base, proof);
      expect(`${name}: ${reasonOf(cell.roster(), id)}`).toBe(`${name}: bad_rekey_proof`);
    }
    expect(cell.roster().members.has(bob.hex)).toBe(true);
  });

  it('refuses an unusable box key, a relay, and keys that are or were on the roster', () => {
    const cell = cellWithBob();
    const base = cell.frontier();
    const lowOrder = { ...bob2, boxPk: new Uint8Array(32) };
    const cases = {
      bad_box_key: cell.rekey(bob, lowOrder, base),
      already_member: cell.rekey(bob, carol, base),
      'already_member (same key)': cell.rekey(bob, bob, base),
    };
    const r = cell.roster();
    for (const [want, id] of Object.entries(cases))
      expect(`${want}: ${reasonOf(r, id)}`).toBe(`${want}: ${want.split(' ')[0]}`);
    const relay = makeActor('relay');
    const withRelay = new TestCell(alice);
    withRelay.join(alice, relay, 'relay');
    const relayRekey = withRelay.rekey(relay, bob2);
    expect(reasonOf(withRelay.roster(), relayRekey)).toBe('role_mismatch');
    const gone = new TestCell(alice);
    gone.join(alice, bob);
    gone.join(alice, thief);
    gone.remove(alice, thief);
    const ontoDeparted = gone.rekey(bob, thief);
    const byDeparted = gone.rekey(thief, bob2);
    expect(reasonOf(gone.roster(), ontoDeparted)).toBe('member_departed');
    expect(reasonOf(gone.roster(), byDeparted)).toBe('removed_author');
  });
});

describe('rekey conflicts: the thief holds the old key too', () => {
  it('two concurrent rekeys of one identity void each other; the identity is removed, nobody inherits it', () => {
    const cell = cellWithBob();
    const base = cell.frontier();
    const mine = cell.rekey(bob, bob2, base);
    const theirs = cell.rekey(bob, thief, base);
    const laterMine = cell.op(bob2, { type: 'rename', pseudonym: 'b2' }, [mine]);
    const laterTheirs = cell.invite(thief, 'x', 'member', undefined, [theirs]).opId;
    const r = expectOrderIndependent(cell);
    expect(reasonOf(r, mine)).toBe('rekey_conflict');
    expect(reasonOf(r, theirs)).toBe('rekey_conflict');
    for (const id of [laterMine, laterTheirs]) expect(counted(r, id)).toBe(false);
    for (const k of [bob, bob2, thief]) expect(r.members.has(k.hex)).toBe(false);
    expect(r.removed.has(bob.hex)).toBe(true);
    expect([...r.rekeyConflicts]).toEqual([[bob.hex, 'bob']]);
    expect(r.rekeyed.size).toBe(0);
    expect(r.rotationNeeded).toBe(true);
    // A coordinator re-invites the person (a new identity), and rotates.
    const back = makeActor('bob-again');
    cell.join(alice, back);
    expect(cell.roster().members.get(back.hex)?.pseudonym).toBe('bob-again');
  });

  it('the old key’s other ops the rekey did not see are void, the rekey counts', () => {
    const cell = cellWithBob();
    const base = cell.frontier();
    const rk = cell.rekey(carol, bob3, base);
    // The thief, with carol's old coordinator key, acts concurrently: removes alice, admits a
    // confederate, renames carol, leaves.
    const kick = cell.remove(carol, alice, base);
    const inv = cell.invite(carol, 'confederate', 'coordinator', undefined, base);
    const admit = cell.admit(carol, thief, inv.inviteId, {
      role: 'coordinator',
      heads: [inv.opId],
    });
    const rename = cell.op(carol, { type: 'rename', pseudonym: 'carol?' }, base);
    const leave = cell.op(carol, { type: 'leave' }, base);
    const r = expectOrderIndependent(cell);
    expect(counted(r, rk)).toBe(true);
    for (const id of [kick, inv.opId, rename, leave])
      expect(reasonOf(r, id)).toBe('rekeyed_author');
    expect(counted(r, admit)).toBe(false);
    expect(r.members.has(thief.hex)).toBe(false);
    expect(r.members.get(alice.hex)?.role).toBe('coordinator');
    expect(r.members.get(bob3.hex)).toMatchObject({ pseudonym: 'carol', role: 'coordinator' });
  });

  it('ops the old key signed before the rekey (in its causal past) keep counting', () => {
    const cell = cellWithBob();
    const early = cell.op(bob, { type: 'rename', pseudonym: 'early' });
    cell.rekey(bob, bob2);
    const r = cell.roster();
    expect(counted(r, early)).toBe(true);
    expect(r.members.get(bob2.hex)?.pseudonym).toBe('early');
  });

  it('a removal concurrent with the rekey wins, whoever is senior, and voids the new key’s ops', () => {
    const cell = cellWithBob();
    const base = cell.frontier();
    // alice (the creator, most senior) re-keys; carol removes alice's old key concurrently.
    const rk = cell.rekey(alice, bob3, base);
    const newKeyOp = cell.invite(bob3, 'after-rekey', 'member', undefined, [rk]).opId;
    const rm = cell.remove(carol, alice, base);
    const r = expectOrderIndependent(cell);
    expect(counted(r, rm)).toBe(true);
    expect(reasonOf(r, rk)).toBe('removed_author');
    expect(reasonOf(r, newKeyOp)).toBe('removed_author');
    expect(r.removed.has(alice.hex)).toBe(true);
    expect(r.members.has(bob3.hex)).toBe(false);
    expect(r.rekeyed.size).toBe(0);
  });

  it('the thief’s concurrent removal of the remover does not save the old key', () => {
    const cell = cellWithBob();
    const base = cell.frontier();
    const rk = cell.rekey(alice, bob3, base);
    const thiefKick = cell.remove(alice, carol, base); // alice is senior: alone it would win
    const rm = cell.remove(carol, alice, base);
    const r = expectOrderIndependent(cell);
    expect(reasonOf(r, thiefKick)).toBe('rekeyed_author');
    expect(counted(r, rm)).toBe(true);
    expect(reasonOf(r, rk)).toBe('removed_author');
    expect(r.members.get(carol.hex)?.role).toBe('coordinator');
    expect(r.removed.has(alice.hex)).toBe(true);
  });

  it('a role change concurrent with the rekey follows the person to the new key', () => {
    const cell = cellWithBob();
    const base = cell.frontier();
    cell.rekey(carol, bob3, base);
    const newKeyInvite = cell.invite(bob3, 'n', 'member', undefined, cell.frontier()).opId;
    const demote = cell.setRole(alice, carol, 'member', base);
    const r = expectOrderIndependent(cell);
    expect(counted(r, demote)).toBe(true);
    expect(r.members.get(bob3.hex)?.role).toBe('member');
    // Like a demotion of the old key: the new key's governance concurrent with it is void.
    expect(reasonOf(r, newKeyInvite)).toBe('demoted_author');

    const up = cellWithBob();
    const b = up.frontier();
    up.rekey(bob, bob2, b);
    const promote = up.setRole(alice, bob, 'coordinator', b);
    const ru = expectOrderIndependent(up);
    expect(counted(ru, promote)).toBe(true);
    expect(ru.members.get(bob2.hex)?.role).toBe('coordinator');
  });

  it('a rotate concurrent with the rekey sealed to the old key: a rotation is due again', () => {
    const cell = cellWithBob();
    const base = cell.frontier();
    cell.rekey(bob, bob2, base);
    cell.rotate(alice, new Uint8Array(32).fill(1), base);
    const r = expectOrderIndependent(cell);
    expect(r.epoch).toBe(1);
    expect(r.epochs[1]?.recipients).toContain(bob.hex);
    expect(r.rotationNeeded).toBe(true);
    const again = cell.rotate(alice, new Uint8Array(32).fill(2));
    const healed = cell.roster();
    expect(counted(healed, again)).toBe(true);
    expect(healed.rotationNeeded).toBe(false);
    expect(healed.keyMissing).toEqual([]);
    expect(healed.epochs[2]?.recipients).toContain(bob2.hex);
  });

  it('an admit through the old key’s invite concurrent with the rekey does not count', () => {
    const cell = cellWithBob();
    const inv = cell.invite(carol, 'old-key-invite');
    const base = cell.frontier();
    cell.rekey(carol, bob3, base);
    const admitted = cell.admit(alice, thief, inv.inviteId, { heads: base });
    const r = expectOrderIndependent(cell);
    expect(reasonOf(r, admitted)).toBe('inviter_removed');
  });

  it('the only coordinator’s raced key leaves the cell without a coordinator (documented limit)', () => {
    const cell = new TestCell(alice);
    cell.join(alice, bob);
    const base = cell.frontier();
    cell.rekey(alice, bob2, base);
    cell.rekey(alice, thief, base);
    const r = expectOrderIndependent(cell);
    expect(r.removed.has(alice.hex)).toBe(true);
    expect([...r.members.values()].some((m) => m.role === 'coordinator')).toBe(false);
  });
});
