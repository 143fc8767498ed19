import { beforeAll, describe, expect, it } from 'vitest';
import { LABELS } from '../../../shared/crypto/labels.ts';
import { signDetached } from '../../../shared/crypto/signDetached.ts';
import { sodiumReady } from '../../../shared/crypto/sodium.ts';
import { concatBytes, toHex } from '../../../shared/crypto/bytes.ts';
import { computeRoster } from '../../../shared/roster/computeRoster.ts';
import { decodeRosterOp } from '../../../shared/roster/decodeRosterOp.ts';
import { rosterOpId } from '../../../shared/roster/rosterOpId.ts';
import {
  counted,
  makeActor,
  reasonOf,
  rosterDigest,
  shuffled,
  TestCell,
  type Actor,
} from './rosterFixture.ts';

let alice: Actor, bob: Actor, carol: Actor, dave: Actor, erin: Actor, mallory: Actor;

beforeAll(async () => {
  await sodiumReady();
  [alice, bob, carol, dave, erin, mallory] = [
    'alice',
    'bob',
    'carol',
    'dave',
    'erin',
    'mallory',
  ].map((n) => makeActor(n)) as [Actor, Actor, Actor, Actor, Actor, Actor];
});

function expectOrderIndependent(cell: TestCell): void {
  const ids = [...cell.bytes.keys()];
  const first = rosterDigest(cell.roster(ids));
  for (const seed of [5, 6, 7]) expect(rosterDigest(cell.roster(shuffled(ids, seed)))).toBe(first);
}

const coordinators = (cell: TestCell) =>
  [...cell.roster().members.values()].filter((m) => m.role === 'coordinator').length;

describe('signatures and authorship', () => {
  it('rejects a forged or tampered signature (bad_signature) and an op by a stranger (not_member)', () => {
    const cell = new TestCell(alice);
    const real = cell.get(cell.op(alice, { type: 'rename', pseudonym: 'al' }));
    const decoded = decodeRosterOp(real);
    if (!decoded.ok) throw new Error(decoded.error);
    // Claims to be alice, signed by mallory.
    const forged = concatBytes(
      decoded.value.signed,
      signDetached(mallory.signSk, LABELS.rosterOpSig, decoded.value.signed),
    );
    const tampered = real.slice();
    tampered[decoded.value.signed.length - 1] = 'm'.charCodeAt(0); // 'al' -> 'am', old signature
    const genesis = cell.get(cell.genesisId);
    for (const bad of [forged, tampered]) {
      const r = computeFrom(cell, [genesis, bad]);
      expect(r.rejected).toEqual([{ opId: rosterOpId(bad), reason: 'bad_signature' }]);
      expect(r.members.get(alice.hex)?.pseudonym).toBe('alice');
    }
    expect(computeFrom(cell, [genesis, real]).members.get(alice.hex)?.pseudonym).toBe('al');
    const stranger = cell.op(mallory, { type: 'rename', pseudonym: 'boss' });
    expect(reasonOf(cell.roster(), stranger)).toBe('not_member');
  });
});

const computeFrom = (cell: TestCell, bytes: Uint8Array[]) =>
  computeRoster(bytes, { cellId: cell.cellId });

describe('future roles', () => {
  it('voids a governance op whose author is promoted only concurrently (future_role)', () => {
    const cell = new TestCell(alice);
    cell.join(alice, bob);
    const base = cell.frontier();
    const promote = cell.setRole(alice, bob, 'coordinator', base);
    const early = cell.invite(bob, 'early', 'member', undefined, base);
    const after = cell.invite(bob, 'after', 'member', undefined, [promote]);
    const r = cell.roster();
    expect(counted(r, promote)).toBe(true);
    expect(reasonOf(r, early.opId)).toBe('future_role');
    expect(counted(r, after.opId)).toBe(true);
    expectOrderIndependent(cell);
  });

  it('voids an op claiming a role granted only later in causal order', () => {
    const cell = new TestCell(alice);
    cell.join(alice, bob);
    const early = cell.setRole(bob, dave, 'reader');
    cell.setRole(alice, bob, 'coordinator');
    expect(reasonOf(cell.roster(), early)).toBe('future_role');
  });

  it('voids ops that rest on a voided grant: a coordinator made by a concurrently removed one', () => {
    const cell = new TestCell(alice);
    cell.join(alice, carol, 'coordinator');
    cell.join(alice, bob);
    const base = cell.frontier();
    const rm = cell.remove(alice, carol, base);
    const promote = cell.setRole(carol, bob, 'coordinator', base);
    const byBob = cell.invite(bob, 'bob-invite', 'member', undefined, [promote]);
    const r = cell.roster();
    expect(counted(r, rm)).toBe(true);
    expect(reasonOf(r, promote)).toBe('removed_author');
    expect(reasonOf(r, byBob.opId)).toBe('not_coordinator');
    expect(r.members.get(bob.hex)?.role).toBe('member');
    expectOrderIndependent(cell);
  });
});

describe('removal', () => {
  it('voids the removed member ops after and concurrent with the removal, keeps those before', () => {
    const cell = new TestCell(alice);
    cell.join(alice, carol, 'coordinator');
    const { opId: before, inviteId } = cell.invite(carol, 'before');
    const base = cell.frontier();
    const rm = cell.remove(alice, carol, base);
    const conc1 = cell.invite(carol, 'conc', 'member', undefined, base).opId;
    const conc2 = cell.op(carol, { type: 'rename', pseudonym: 'innocent' }, [conc1]);
    const after = cell.op(carol, { type: 'rename', pseudonym: 'still here' }, [rm, conc2]);
    const r = cell.roster();
    expect(counted(r, before)).toBe(true);
    expect(counted(r, rm)).toBe(true);
    for (const id of [conc1, conc2, after]) expect(reasonOf(r, id)).toBe('removed_author');
    expect(r.removed.has(carol.hex)).toBe(true);
    expect(r.members.has(carol.hex)).toBe(false);
    expect(r.invites.get(toHex(inviteId))?.status).toBe('dead');
    expectOrderIndependent(cell);
  });

  it('resolves mutual removal by seniority, never leaving the cell without a coordinator', () => {
    const cell = new TestCell(alice);
    cell.join(alice, carol, 'coordinator');
    const base = cell.frontier();
    const byAlice = cell.remove(alice, carol, base);
    const byCarol = cell.remove(carol, alice, base);
    const r = cell.roster();
    expect(counted(r, byAlice)).toBe(true);
    expect(reasonOf(r, byCarol)).toBe('removed_author');
    expect([...r.members.keys()]).toEqual([alice.hex]);
    expectOrderIndependent(cell);
  });

  it('lets the senior win a removal cycle: the loser that would void a senior removal is removal_conflict', () => {
    const cell = new TestCell(alice);
    cell.join(alice, bob, 'coordinator');
    cell.join(alice, carol, 'coordinator');
    const base = cell.frontier();
    const aRmB = cell.remove(alice, bob, base);
    const bRmC = cell.remove(bob, carol, base);
    const cRmA = cell.remove(carol, alice, base);
    const r = cell.roster();
    expect(counted(r, aRmB)).toBe(true);
    expect(reasonOf(r, bRmC)).toBe('removed_author');
    expect(reasonOf(r, cRmA)).toBe('removal_conflict');
    expect([...r.members.keys()].sort()).toEqual([alice.hex, carol.hex].sort());
    expectOrderIndependent(cell);
  });

  it('keeps a concurrent duplicate removal (both count), and rejects removing oneself or a stranger', () => {
    const cell = new TestCell(alice);
    cell.join(alice, carol, 'coordinator');
    cell.join(alice, dave);
    const base = cell.frontier();
    const r1 = cell.remove(alice, dave, base);
    const r2 = cell.remove(carol, dave, base);
    const self = cell.remove(alice, alice);
    const stranger = cell.remove(alice, erin);
    const r = cell.roster();
    expect(counted(r, r1) && counted(r, r2)).toBe(true);
    expect(reasonOf(r, self)).toBe('invalid_target');
    expect(reasonOf(r, stranger)).toBe('invalid_target');
  });

  it('rejects ops from a member who left, and lets a member leave', () => {
    const cell = new TestCell(alice);
    cell.join(alice, bob);
    const leave = cell.op(bob, { type: 'leave' });
    const after = cell.op(bob, { type: 'rename', pseudonym: 'ghost' });
    const r = cell.roster();
    expect(counted(r, leave)).toBe(true);
    expect(r.left.has(bob.hex)).toBe(true);
    expect(reasonOf(r, after)).toBe('removed_author');
  });
});

describe('roles and the last coordinator', () => {
  it('refuses to let the only coordinator leave or demote itself', () => {
    const cell = new TestCell(alice);
    const leave = cell.op(alice, { type: 'leave' });
    const demote = cell.setRole(alice, alice, 'member');
    const r = cell.roster();
    expect(reasonOf(r, leave)).toBe('last_coordinator');
    expect(reasonOf(r, demote)).toBe('last_coordinator');
    expect(r.members.get(alice.hex)?.role).toBe('coordinator');
  });

  it('keeps one coordinator when the last two leave concurrently', () => {
    const cell = new TestCell(alice);
    cell.join(alice, carol, 'coordinator');
    const base = cell.frontier();
    const l1 = cell.op(alice, { type: 'leave' }, base);
    const l2 = cell.op(carol, { type: 'leave' }, base);
    const r = cell.roster();
    expect([counted(r, l1), counted(r, l2)].filter(Boolean)).toHaveLength(1);
    expect(reasonOf(r, counted(r, l1) ? l2 : l1)).toBe('last_coordinator');
    expect(coordinators(cell)).toBe(1);
    expectOrderIndependent(cell);
  });

  it('voids governance ops of a coordinator demoted concurrently, not its rename', () => {
    const cell = new TestCell(alice);
    cell.join(alice, carol, 'coordinator');
    const base = cell.frontier();
    const demote = cell.setRole(alice, carol, 'member', base);
    const inv = cell.invite(carol, 'x', 'member', undefined, base).opId;
    const rename = cell.op(carol, { type: 'rename', pseudonym: 'carol2' }, base);
    const r = cell.roster();
    expect(counted(r, demote)).toBe(true);
    expect(reasonOf(r, inv)).toBe('demoted_author');
    expect(counted(r, rename)).toBe(true);
    expect(r.members.get(carol.hex)).toMatchObject({ role: 'member', pseudonym: 'carol2' });
    expectOrderIndependent(cell);
  });

  it('sets roles, and rejects set-role of a non-member or into or out of relay', () => {
    const cell = new TestCell(alice);
    cell.join(alice, bob);
    cell.join(alice, dave, 'relay');
    cell.setRole(alice, bob, 'reader');
    const stranger = cell.setRole(alice, erin, 'reader');
    const toRelay = cell.setRole(alice, bob, 'relay');
    const fromRelay = cell.setRole(alice, dave, 'member');
    const r = cell.roster();
    expect(r.members.get(bob.hex)?.role).toBe('reader');
    expect(r.members.get(dave.hex)?.role).toBe('relay');
    expect(reasonOf(r, stranger)).toBe('invalid_target');
    expect(reasonOf(r, toRelay)).toBe('role_mismatch');
    expect(reasonOf(r, fromRelay)).toBe('role_mismatch');
  });
});
