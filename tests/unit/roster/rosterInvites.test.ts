import { beforeAll, describe, expect, it } from 'vitest';
import { sodiumReady } from '../../../shared/crypto/sodium.ts';
import { toHex } from '../../../shared/crypto/bytes.ts';
import { LABELS } from '../../../shared/crypto/labels.ts';
import { signDetached } from '../../../shared/crypto/signDetached.ts';
import { joinerSignatureMessage } from '../../../shared/invite/joinerSignatureMessage.ts';
import {
  counted,
  inviteIdFor,
  joinProof,
  makeActor,
  reasonOf,
  rosterDigest,
  shuffled,
  TestCell,
  type Actor,
} from './rosterFixture.ts';

let alice: Actor, carol: Actor, bob: Actor, dave: Actor, erin: Actor;

beforeAll(async () => {
  await sodiumReady();
  [alice, carol, bob, dave, erin] = ['alice', 'carol', 'bob', 'dave', 'erin'].map((n) =>
    makeActor(n),
  ) as [Actor, Actor, Actor, Actor, Actor];
});

/** alice (creator) and carol, both coordinators. */
function twoCoordinators(): TestCell {
  const cell = new TestCell(alice);
  cell.join(alice, carol, 'coordinator');
  return cell;
}

/** The same roster from several arrival orders of the same ops. */
function expectOrderIndependent(cell: TestCell): void {
  const ids = [...cell.bytes.keys()];
  const first = rosterDigest(cell.roster(ids));
  for (const seed of [1, 2, 3, 4])
    expect(rosterDigest(cell.roster(shuffled(ids, seed)))).toBe(first);
}

describe('genesis and admission', () => {
  it('makes the genesis author the only coordinator at epoch 0, and admits through an invite', () => {
    const cell = new TestCell(alice, 'Samizdat');
    const { inviteId } = cell.invite(alice, 'i1', 'reader', 5_000);
    const adm = cell.admit(alice, bob, inviteId, { role: 'reader', admittedAt: 5_000 });
    const r = cell.roster();
    expect(r.cellName).toBe('Samizdat');
    expect(r.genesisId).toBe(cell.genesisId);
    expect(r.epoch).toBe(0);
    expect(r.members.get(alice.hex)?.role).toBe('coordinator');
    expect(r.members.get(alice.hex)?.admittedBy).toBeNull();
    const m = r.members.get(bob.hex);
    expect(m).toMatchObject({
      role: 'reader',
      pseudonym: 'bob',
      admittedBy: alice.hex,
      joinedAt: adm,
    });
    expect(toHex(m!.boxPk)).toBe(toHex(bob.boxPk));
    expect(r.invites.get(toHex(inviteId))?.status).toBe('used');
    expect(r.rejected).toEqual([]);
  });

  it('rejects an invite or admit by a non-coordinator', () => {
    const cell = new TestCell(alice);
    cell.join(alice, bob);
    const inv = cell.invite(bob, 'by-bob');
    const { inviteId } = cell.invite(alice, 'by-alice');
    const adm = cell.admit(bob, dave, inviteId);
    const r = cell.roster();
    expect(reasonOf(r, inv.opId)).toBe('not_coordinator');
    expect(reasonOf(r, adm)).toBe('not_coordinator');
    expect(r.members.has(dave.hex)).toBe(false);
    expect(r.invites.get(toHex(inviteId))?.status).toBe('open');
  });

  it('rejects an admit whose join proof was not made by the joiner for these exact fields', () => {
    const cell = new TestCell(alice);
    const a = cell.invite(alice, 'a').inviteId;
    const b = cell.invite(alice, 'b').inviteId;
    const c = cell.invite(alice, 'c').inviteId;
    const byOther = cell.admit(alice, bob, a, { proof: joinProof(dave, a) });
    const otherInvite = cell.admit(alice, bob, b, { proof: joinProof(bob, c) });
    const otherName = cell.admit(alice, bob, c, { proof: joinProof(bob, c, 'not bob') });
    const r = cell.roster();
    for (const id of [byOther, otherInvite, otherName])
      expect(reasonOf(r, id)).toBe('bad_join_proof');
    expect(r.members.has(bob.hex)).toBe(false);
  });

  it('rejects an admit whose box key nothing can be sealed to (bad_box_key)', () => {
    const cell = new TestCell(alice);
    const { inviteId } = cell.invite(alice, 'i');
    const lowOrder = new Uint8Array(32); // the identity point: every shared secret would be zero
    const proof = signDetached(
      bob.signSk,
      LABELS.joinProof,
      joinerSignatureMessage(inviteId, bob.signPk, lowOrder, 'bob'),
    );
    const adm = cell.op(alice, {
      type: 'admit',
      inviteId,
      memberSignPk: bob.signPk,
      memberBoxPk: lowOrder,
      pseudonym: 'bob',
      role: 'member',
      historyAccess: false,
      admittedAt: 1,
      joinProof: proof,
    });
    const r = cell.roster();
    expect(reasonOf(r, adm)).toBe('bad_box_key');
    expect(r.invites.get(toHex(inviteId))?.status).toBe('open');
  });

  it('is idempotent for the same admit bytes delivered twice', () => {
    const cell = new TestCell(alice);
    const { inviteId } = cell.invite(alice, 'i');
    const adm = cell.admit(alice, bob, inviteId);
    const once = cell.roster();
    const twice = cell.roster([...cell.bytes.keys(), adm, adm]);
    expect(rosterDigest(twice)).toBe(rosterDigest(once));
    expect(twice.rejected).toEqual([]);
  });

  it('uses an invite once: a later admit with it is invite_used', () => {
    const cell = new TestCell(alice);
    const { inviteId } = cell.invite(alice, 'i');
    cell.admit(alice, bob, inviteId);
    const second = cell.admit(alice, dave, inviteId);
    const r = cell.roster();
    expect(reasonOf(r, second)).toBe('invite_used');
    expect(r.members.has(dave.hex)).toBe(false);
  });

  it('lets exactly one of two concurrent admits with one invite count, the same one everywhere', () => {
    const cell = twoCoordinators();
    const { inviteId } = cell.invite(alice, 'shared');
    const base = cell.frontier();
    const a1 = cell.admit(alice, bob, inviteId, { heads: base });
    const a2 = cell.admit(carol, dave, inviteId, { heads: base });
    const r = cell.roster();
    expect([counted(r, a1), counted(r, a2)].filter(Boolean)).toHaveLength(1);
    const loser = counted(r, a1) ? a2 : a1;
    expect(reasonOf(r, loser)).toBe('invite_used');
    expectOrderIndependent(cell);
  });

  it('checks expiry against the admitting coordinator clock: equal counts, later is invite_expired', () => {
    const cell = new TestCell(alice);
    const a = cell.invite(alice, 'a', 'member', 10_000).inviteId;
    const b = cell.invite(alice, 'b', 'member', 10_000).inviteId;
    const onTime = cell.admit(alice, bob, a, { admittedAt: 10_000 });
    const late = cell.admit(alice, dave, b, { admittedAt: 10_001 });
    const r = cell.roster();
    expect(counted(r, onTime)).toBe(true);
    expect(reasonOf(r, late)).toBe('invite_expired');
  });

  it('rejects an admit after a revocation it has seen, but not one concurrent with it', () => {
    const cell = twoCoordinators();
    const a = cell.invite(alice, 'a').inviteId;
    const b = cell.invite(alice, 'b').inviteId;
    cell.op(alice, { type: 'revoke-invite', inviteId: a });
    const afterRevoke = cell.admit(alice, bob, a);
    const base = cell.frontier();
    const revokeB = cell.op(alice, { type: 'revoke-invite', inviteId: b }, base);
    const concurrent = cell.admit(carol, dave, b, { heads: base });
    const again = cell.op(alice, { type: 'revoke-invite', inviteId: a });
    const r = cell.roster();
    expect(reasonOf(r, afterRevoke)).toBe('invite_revoked');
    expect(counted(r, concurrent)).toBe(true);
    expect(counted(r, revokeB)).toBe(true);
    expect(r.invites.get(toHex(a))?.status).toBe('revoked');
    expect(r.invites.get(toHex(b))?.status).toBe('used');
    expect(reasonOf(r, again)).toBe('invite_revoked');
    expectOrderIndependent(cell);
  });

  it('kills an invite with its inviter: removal in the past or concurrent voids the admit, later does not', () => {
    const cell = twoCoordinators();
    const past = cell.invite(carol, 'past').inviteId;
    const conc = cell.invite(carol, 'conc').inviteId;
    const base = cell.frontier();
    const admConc = cell.admit(alice, bob, conc, { heads: base });
    const rm = cell.remove(alice, carol, base);
    const admPast = cell.admit(alice, dave, past, { heads: [rm] });
    const r = cell.roster();
    expect(counted(r, rm)).toBe(true);
    expect(reasonOf(r, admConc)).toBe('inviter_removed');
    expect(reasonOf(r, admPast)).toBe('inviter_removed');
    expect(r.invites.get(toHex(past))?.status).toBe('dead');
    expectOrderIndependent(cell);

    const later = twoCoordinators();
    const inv = later.invite(carol, 'x').inviteId;
    const adm = later.admit(alice, bob, inv);
    later.remove(alice, carol);
    expect(counted(later.roster(), adm)).toBe(true);
  });

  it('rejects an admit whose invite is not in its causal past (invite_unknown) and duplicate invite ids', () => {
    const cell = twoCoordinators();
    const base = cell.frontier();
    const inv = cell.invite(carol, 'late', 'member', undefined, base);
    const adm = cell.admit(alice, bob, inv.inviteId, { heads: base });
    const revoke = cell.op(alice, { type: 'revoke-invite', inviteId: inviteIdFor('nope') });
    const dup = cell.invite(alice, 'late');
    const r = cell.roster();
    expect(reasonOf(r, adm)).toBe('invite_unknown');
    expect(reasonOf(r, revoke)).toBe('invite_unknown');
    expect(reasonOf(r, dup.opId)).toBe('duplicate');
  });

  it('rejects role_mismatch, already_member and member_departed', () => {
    const cell = new TestCell(alice);
    const a = cell.invite(alice, 'a', 'reader').inviteId;
    const mismatch = cell.admit(alice, bob, a, { role: 'coordinator' });
    cell.join(alice, dave);
    const b = cell.invite(alice, 'b').inviteId;
    const twice = cell.admit(alice, dave, b);
    cell.join(alice, erin);
    cell.remove(alice, erin);
    const c = cell.invite(alice, 'c').inviteId;
    const back = cell.admit(alice, erin, c);
    const r = cell.roster();
    expect(reasonOf(r, mismatch)).toBe('role_mismatch');
    expect(reasonOf(r, twice)).toBe('already_member');
    expect(reasonOf(r, back)).toBe('member_departed');
  });
});
