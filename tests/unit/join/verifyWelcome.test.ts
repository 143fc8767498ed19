import { beforeAll, describe, expect, it } from 'vitest';
import { sodiumReady } from '../../../shared/crypto/sodium.ts';
import { safetyWords } from '../../../shared/identity/safetyWords.ts';
import type { Identity } from '../../../shared/identity/createIdentity.ts';
import { openJoinRequest } from '../../../shared/invite/openJoinRequest.ts';
import { deriveInviteSecrets } from '../../../shared/invite/deriveInviteSecrets.ts';
import { sealJoinRequest } from '../../../shared/invite/sealJoinRequest.ts';
import type { MemberWelcome, Welcome } from '../../../shared/invite/Welcome.ts';
import { admitBodyFor } from '../../../shared/join/admitBodyFor.ts';
import { verifyWelcome } from '../../../shared/join/verifyWelcome.ts';
import { identity, TestCell, type TestInvite } from './joinFixture.ts';

const URLS = ['ws://127.0.0.1:4444'];

beforeAll(async () => {
  await sodiumReady();
});

/** Admits `joiner` through `invite` the way hostInvite does, and returns the welcome. */
async function admit(cell: TestCell, invite: TestInvite, joiner: Identity): Promise<Welcome> {
  const s = deriveInviteSecrets(invite.secret);
  const sealed = sealJoinRequest({ ...s, ...joiner, createdAt: 1 });
  if (!sealed.ok) throw new Error(sealed.error);
  const q = openJoinRequest(sealed.value.bytes, s.inviteKey, s.inviteId);
  if (!q.ok) throw new Error(q.error);
  const body = admitBodyFor(q.value, invite.inviteId, invite.role, false, 2);
  const made = await cell.makeWelcome(
    { ...q.value, safetyWords: [] },
    { historyAccess: false, admit: body },
  );
  if (!made) throw new Error('the roster refused the admit');
  return made.welcome;
}

const member = (w: Welcome): MemberWelcome => {
  if (w.variant !== 'member') throw new Error('not a member welcome');
  return w;
};

describe('verifyWelcome', () => {
  it('accepts a welcome from a coordinator that admits these keys through this invite', async () => {
    const cell = new TestCell(URLS);
    const invite = cell.invite();
    const welcome = await admit(cell, invite, identity('Olena'));
    const r = verifyWelcome(
      { welcome, coordinatorSignPk: cell.coordinator.signPk },
      invite.inviteId,
    );
    expect(r).toEqual({
      ok: true,
      value: {
        welcome,
        coordinatorSignPk: cell.coordinator.signPk,
        coordinatorSafetyWords: safetyWords(cell.coordinator.signPk, cell.coordinator.boxPk),
      },
    });
  });

  it('refuses a roster that does not replay to the cell', async () => {
    const cell = new TestCell(URLS);
    const invite = cell.invite();
    const w = member(await admit(cell, invite, identity('Olena')));
    const signer = cell.coordinator.signPk;
    for (const welcome of [
      { ...w, rosterOps: [] },
      { ...w, cellId: new Uint8Array(16).fill(7) },
    ])
      expect(verifyWelcome({ welcome, coordinatorSignPk: signer }, invite.inviteId)).toMatchObject({
        ok: false,
        error: 'no_genesis',
      });
  });

  it('refuses a signer who is not a coordinator there (an outsider, or a plain member)', async () => {
    const cell = new TestCell(URLS);
    const memberInvite = cell.invite();
    const plain = identity('Plain');
    await admit(cell, memberInvite, plain);
    const invite = cell.invite();
    const welcome = await admit(cell, invite, identity('Olena'));
    for (const signer of [identity('Outsider').signPk, plain.signPk])
      expect(verifyWelcome({ welcome, coordinatorSignPk: signer }, invite.inviteId)).toMatchObject({
        ok: false,
        error: 'signer_not_coordinator',
      });
  });

  it('refuses a welcome whose admit op does not admit these keys', async () => {
    const cell = new TestCell(URLS);
    const invite = cell.invite();
    const w = await admit(cell, invite, identity('Olena'));
    const signer = cell.coordinator.signPk;
    const [genesisId] = cell.ops.keys();
    for (const welcome of [
      { ...w, admitOpId: genesisId! },
      { ...w, joinerBoxPk: identity('Other').boxPk },
      { ...w, joinerSignPk: identity('Other').signPk },
    ])
      expect(verifyWelcome({ welcome, coordinatorSignPk: signer }, invite.inviteId)).toMatchObject({
        ok: false,
        error: 'not_admitted',
      });
  });

  it('refuses an admission through another invite', async () => {
    const cell = new TestCell(URLS);
    const first = cell.invite();
    const second = cell.invite();
    const welcome = await admit(cell, second, identity('Olena'));
    const opened = { welcome, coordinatorSignPk: cell.coordinator.signPk };
    expect(verifyWelcome(opened, second.inviteId).ok).toBe(true);
    expect(verifyWelcome(opened, first.inviteId)).toMatchObject({
      ok: false,
      error: 'wrong_invite',
    });
  });

  it('refuses a member welcome for a relay, and a stale epoch', async () => {
    const cell = new TestCell(URLS);
    const relayInvite = cell.invite('relay');
    const relay = await admit(cell, relayInvite, identity('Relay'));
    expect(relay.variant).toBe('relay');
    const signer = cell.coordinator.signPk;
    // A relay welcome has no roster to check: it passes, with no words to compare.
    expect(
      verifyWelcome({ welcome: relay, coordinatorSignPk: signer }, relayInvite.inviteId),
    ).toEqual({
      ok: true,
      value: { welcome: relay, coordinatorSignPk: signer, coordinatorSafetyWords: undefined },
    });
    const asMember: MemberWelcome = {
      ...relay,
      variant: 'member',
      epochKeys: [{ epoch: 0, key: cell.epochKey }],
      rosterOps: [...cell.ops.values()],
    };
    expect(
      verifyWelcome({ welcome: asMember, coordinatorSignPk: signer }, relayInvite.inviteId),
    ).toMatchObject({ ok: false, error: 'role_mismatch' });

    const invite = cell.invite();
    const w = member(await admit(cell, invite, identity('Olena')));
    expect(
      verifyWelcome({ welcome: { ...w, epoch: 1 }, coordinatorSignPk: signer }, invite.inviteId),
    ).toMatchObject({ ok: false, error: 'epoch_mismatch' });
  });
});
