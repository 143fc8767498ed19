import { beforeAll, describe, expect, it } from 'vitest';
import { bytesEqual } from '../../../shared/crypto/bytes.ts';
import {
  deriveEpochSecrets,
  deriveRoomName,
  deriveTransportSecrets,
} from '../../../shared/crypto/deriveEpochSecrets.ts';
import { sodiumReady } from '../../../shared/crypto/sodium.ts';
import { canWrite } from '../../../shared/roster/canWrite.ts';
import { decodeRosterOp } from '../../../shared/roster/decodeRosterOp.ts';
import { openEpochWrap } from '../../../shared/roster/openEpochWrap.ts';
import { roleAt } from '../../../shared/roster/roleAt.ts';
import { sealEpochWraps } from '../../../shared/roster/sealEpochWraps.ts';
import type { RotateBody } from '../../../shared/roster/RosterOp.ts';
import { counted, makeActor, reasonOf, TestCell, type Actor } from './rosterFixture.ts';

let alice: Actor, bob: Actor, carol: Actor, rita: Actor, dave: Actor, mallory: Actor;
const K1 = new Uint8Array(32).fill(0x11);
const K2 = new Uint8Array(32).fill(0x22);

beforeAll(async () => {
  await sodiumReady();
  [alice, bob, carol, rita, dave, mallory] = [
    'alice',
    'bob',
    'carol',
    'rita',
    'dave',
    'mallory',
  ].map((n) => makeActor(n)) as [Actor, Actor, Actor, Actor, Actor, Actor];
});

/** alice coordinator, bob member, carol reader, rita relay, dave member. */
function fullCell(): TestCell {
  const cell = new TestCell(alice);
  cell.join(alice, bob);
  cell.join(alice, carol, 'reader');
  cell.join(alice, rita, 'relay');
  cell.join(alice, dave);
  return cell;
}

function rotateBody(cell: TestCell, opId: string): RotateBody {
  const d = decodeRosterOp(cell.get(opId));
  if (!d.ok || d.value.body.type !== 'rotate') throw new Error('not a rotate');
  return d.value.body;
}

describe('rotate', () => {
  it('seals K_e to members and readers, only the transport root to a relay', () => {
    const cell = fullCell();
    const rot = cell.rotate(alice, K1);
    const r = cell.roster();
    expect(counted(r, rot)).toBe(true);
    expect(r.epoch).toBe(1);
    expect(r.epochs[1]).toMatchObject({ epoch: 1, rotateOpId: rot });
    expect([...r.epochs[1]!.recipients].sort()).toEqual(
      [alice, bob, carol, rita, dave].map((a) => a.hex).sort(),
    );
    const body = rotateBody(cell, rot);
    for (const member of [alice, bob, carol, dave]) {
      const w = openEpochWrap(body, cell.cellId, member);
      expect(w.ok && w.value.kind === 'member' && bytesEqual(w.value.secret, K1)).toBe(true);
    }
    const relay = openEpochWrap(body, cell.cellId, rita);
    if (!relay.ok) throw new Error(relay.error);
    const full = deriveEpochSecrets(K1, cell.cellId, 1);
    expect(relay.value.kind).toBe('relay');
    expect(bytesEqual(relay.value.secret, K1)).toBe(false);
    expect(bytesEqual(relay.value.secret, full.transportRoot)).toBe(true);
    // The relay finds the same rooms and password as members, and nothing else.
    const t = deriveTransportSecrets(relay.value.secret, cell.cellId, 1);
    expect(t.transportSecret).toBe(full.transportSecret);
    expect(deriveRoomName(relay.value.secret, cell.cellId, 1, 3)).toBe(
      deriveRoomName(full.transportRoot, cell.cellId, 1, 3),
    );
    expect(openEpochWrap(body, cell.cellId, mallory)).toMatchObject({ error: 'not_recipient' });
  });

  it('binds each wrap to its cell, epoch and recipient key', () => {
    const cell = fullCell();
    const body = rotateBody(cell, cell.rotate(alice, K1));
    expect(openEpochWrap({ ...body, newEpoch: 2 }, cell.cellId, bob)).toMatchObject({
      error: 'bad_wrap',
    });
    expect(openEpochWrap(body, new Uint8Array(16), bob)).toMatchObject({ error: 'bad_wrap' });
    const tampered = body.wraps.map((w) => {
      const sealed = w.sealed!.slice();
      sealed[60] = (sealed[60] ?? 0) ^ 1;
      return { ...w, sealed };
    });
    expect(openEpochWrap({ ...body, wraps: tampered }, cell.cellId, bob)).toMatchObject({
      error: 'bad_wrap',
    });
    // Bob's wrap relabelled as rita's does not open with rita's key; rita's relay wrap relabelled
    // as a member wrap fails the kind check.
    const bobs = body.wraps.find((w) => bytesEqual(w.recipient, bob.signPk))!;
    const ritas = body.wraps.find((w) => bytesEqual(w.recipient, rita.signPk))!;
    const one = (w: (typeof body.wraps)[number]) => ({ ...body, wraps: [w] });
    expect(
      openEpochWrap(one({ ...bobs, recipient: rita.signPk }), cell.cellId, rita),
    ).toMatchObject({
      error: 'bad_wrap',
    });
    expect(openEpochWrap(one({ ...ritas, kind: 'member' }), cell.cellId, rita)).toMatchObject({
      error: 'bad_wrap',
    });
    expect(openEpochWrap(one(ritas), cell.cellId, rita).ok).toBe(true);
  });

  it('refuses to seal to a bad epoch, a duplicate recipient or an unusable box key', () => {
    const cell = new TestCell(alice);
    const to = (a: Actor) => ({ signPk: a.signPk, boxPk: a.boxPk, kind: 'member' as const });
    expect(sealEpochWraps(cell.cellId, 0, K1, [to(bob)])).toMatchObject({ error: 'invalid_epoch' });
    expect(sealEpochWraps(cell.cellId, 1, K1.subarray(1), [to(bob)])).toMatchObject({
      error: 'invalid_key',
    });
    expect(sealEpochWraps(cell.cellId, 1, K1, [to(bob), to(bob)])).toMatchObject({
      error: 'invalid_recipient',
    });
    expect(
      sealEpochWraps(cell.cellId, 1, K1, [{ ...to(bob), boxPk: new Uint8Array(32) }]),
    ).toMatchObject({ error: 'invalid_recipient' });
    expect(sealEpochWraps(cell.cellId, 1, K1, [])).toMatchObject({ error: 'bad_recipient_count' });
  });

  it('cuts a removed member off: removal flags rotationNeeded until a rotate without them', () => {
    const cell = fullCell();
    cell.remove(alice, dave);
    expect(cell.roster().rotationNeeded).toBe(true);
    const rot = cell.rotate(alice, K1);
    const r = cell.roster();
    expect(r.epochs[1]!.recipients).not.toContain(dave.hex);
    expect(r.rotationNeeded).toBe(false);
    expect(openEpochWrap(rotateBody(cell, rot), cell.cellId, dave)).toMatchObject({
      error: 'not_recipient',
    });
  });

  it('rejects a rotate that leaves someone out, gives a relay K_e, or adds a stranger (bad_recipients)', () => {
    const cell = new TestCell(alice);
    cell.join(alice, bob);
    cell.join(alice, rita, 'relay');
    const omits = cell.rawRotate(alice, 1, [
      [alice, 'member'],
      [rita, 'relay'],
    ]);
    const relayGetsKey = cell.rawRotate(alice, 1, [
      [alice, 'member'],
      [bob, 'member'],
      [rita, 'member'],
    ]);
    const memberGetsRoot = cell.rawRotate(alice, 1, [
      [alice, 'member'],
      [bob, 'relay'],
      [rita, 'relay'],
    ]);
    const stranger = cell.rawRotate(alice, 1, [
      [alice, 'member'],
      [bob, 'member'],
      [mallory, 'member'],
    ]);
    const r = cell.roster();
    for (const id of [omits, relayGetsKey, memberGetsRoot, stranger])
      expect(reasonOf(r, id)).toBe('bad_recipients');
    expect(r.epoch).toBe(0);
  });

  it('accepts one rotate per epoch number: a concurrent second is stale_epoch, and so is a skip', () => {
    const cell = new TestCell(alice);
    cell.join(alice, carol, 'coordinator');
    const base = cell.frontier();
    const a = cell.rotate(alice, K1, base);
    const c = cell.rotate(carol, K2, base);
    const skip = cell.rawRotate(alice, 5, [
      [alice, 'member'],
      [carol, 'member'],
    ]);
    const r = cell.roster();
    expect([counted(r, a), counted(r, c)].filter(Boolean)).toHaveLength(1);
    const loser = counted(r, a) ? c : a;
    expect(reasonOf(r, loser)).toBe('stale_epoch');
    expect(reasonOf(r, skip)).toBe('stale_epoch');
    // A peer that only saw the losing rotate moves on to epoch 2 from it: that counts.
    const next = cell.rotate(alice, K2, [loser]);
    const r2 = cell.roster();
    expect(counted(r2, next)).toBe(true);
    expect(r2.epoch).toBe(2);
  });

  it('flags a key leaked by a rotate concurrent with a removal, and a joiner a rotate missed', () => {
    const cell = fullCell();
    const { inviteId } = cell.invite(alice, 'late');
    const base = cell.frontier();
    cell.remove(alice, dave, base);
    const rot = cell.rotate(alice, K1, base);
    const adm = cell.admit(alice, mallory, inviteId, { heads: base });
    const r = cell.roster();
    expect(counted(r, rot) && counted(r, adm)).toBe(true);
    expect(r.rotationNeeded).toBe(true);
    expect(r.keyMissing).toEqual([mallory.hex]);
    cell.rotate(alice, K2);
    const r2 = cell.roster();
    expect(r2.rotationNeeded).toBe(false);
    expect(r2.keyMissing).toEqual([]);
  });

  it('judges who holds the key by the rotate that counts, not by the epoch number', () => {
    // Two coordinators remove one member each and rotate at once: one rotate counts, and the
    // member the winner did not remove still received the counted epoch's key from it.
    const cell = new TestCell(alice);
    cell.join(alice, carol, 'coordinator');
    cell.join(alice, bob);
    cell.join(alice, dave);
    const { inviteId } = cell.invite(alice, 'late');
    const base = cell.frontier();
    const a = cell.rotate(alice, K1, [cell.remove(alice, bob, base)]);
    const c = cell.rotate(carol, K2, [cell.remove(carol, dave, base)]);
    const r = cell.roster();
    expect(r.removed.has(bob.hex) && r.removed.has(dave.hex)).toBe(true);
    const winner = counted(r, a) ? a : c;
    expect(counted(r, a) !== counted(r, c)).toBe(true);
    expect(r.epochs[1]?.rotateOpId).toBe(winner);
    expect(r.rotationNeeded).toBe(true);
    // A joiner admitted by the losing coordinator after its own rotate holds the losing key.
    const loserAuthor = winner === a ? carol : alice;
    const loserRotate = winner === a ? c : a;
    const adm = cell.admit(loserAuthor, mallory, inviteId, { heads: [loserRotate] });
    expect(counted(cell.roster(), adm)).toBe(true);
    expect(cell.roster().keyMissing).toContain(mallory.hex);
    cell.rotate(alice, K1);
    const healed = cell.roster();
    expect(healed.rotationNeeded).toBe(false);
    expect(healed.keyMissing).toEqual([]);
  });
});

describe('canWrite and roleAt', () => {
  it('lets coordinators and members write, not readers, relays, strangers or the removed', () => {
    const cell = fullCell();
    cell.remove(alice, dave);
    const r = cell.roster();
    expect([alice, bob, carol, rita, dave, mallory].map((a) => canWrite(r, a.hex, 0))).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
    expect(roleAt(r, carol.hex, 0)).toBe('reader');
    expect(roleAt(r, dave.hex, 0)).toBeUndefined();
  });

  it('judges an old epoch by the roles when it ended, and refuses unknown epochs', () => {
    const cell = fullCell();
    cell.rotate(alice, K1); // epoch 1 opens with dave
    cell.remove(alice, dave);
    cell.setRole(alice, bob, 'reader');
    cell.rotate(alice, K2); // epoch 2
    cell.join(alice, mallory);
    const r = cell.roster();
    expect(r.epoch).toBe(2);
    expect([0, 1, 2].map((e) => canWrite(r, dave.hex, e))).toEqual([true, false, false]);
    expect([0, 1, 2].map((e) => canWrite(r, bob.hex, e))).toEqual([true, false, false]);
    expect([0, 1, 2].map((e) => canWrite(r, mallory.hex, e))).toEqual([false, false, true]);
    expect(canWrite(r, alice.hex, 3)).toBe(false);
    expect(canWrite(r, alice.hex, -1)).toBe(false);
    expect(canWrite(r, alice.hex, 1.5)).toBe(false);
    expect(roleAt(r, bob.hex, 1)).toBe('reader');
  });
});
