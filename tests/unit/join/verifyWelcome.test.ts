import { beforeAll, describe, expect, it } from 'vitest';
import { sodiumReady } from '../../../shared/crypto/sodium.ts';
import { safetyWords } from '../../../shared/identity/safetyWords.ts';
import type { Identity } from '../../../shared/identity/createIdentity.ts';
import { inviteCommitment } from '../../../shared/invite/inviteCommitment.ts';
import { openJoinRequest } from '../../../shared/invite/openJoinRequest.ts';
import { deriveInviteSecrets } from '../../../shared/invite/deriveInviteSecrets.ts';
import { parseInviteCode } from '../../../shared/invite/parseInviteCode.ts';
import { sealJoinRequest } from '../../../shared/invite/sealJoinRequest.ts';
import type { MemberWelcome, Welcome } from '../../../shared/invite/Welcome.ts';
import { admitBodyFor } from '../../../shared/join/admitBodyFor.ts';
import { verifyWelcome, type WelcomeExpectation } from '../../../shared/join/verifyWelcome.ts';
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

/** What the joiner checks against: the secret and commitment parsed from the invite's code. */
function fromCode(invite: TestInvite): WelcomeExpectation {
  const parsed = parseInviteCode(invite.code);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

/** A code for the same secret that commits to `cellId` and `signPk` instead. */
const committingTo = (
  invite: TestInvite,
  cellId: Uint8Array,
  signPk: Uint8Array,
): WelcomeExpectation => ({
  secret: invite.secret,
  commitment: inviteCommitment(invite.secret, cellId, signPk),
});

describe('verifyWelcome', () => {
  it('accepts a welcome from the cell and coordinator the code commits to', async () => {
    const cell = new TestCell(URLS, 'Anna');
    const invite = cell.invite();
    const welcome = await admit(cell, invite, identity('Olena'));
    const r = verifyWelcome(
      { welcome, coordinatorSignPk: cell.coordinator.signPk },
      fromCode(invite),
    );
    expect(r).toEqual({
      ok: true,
      value: {
        welcome,
        coordinatorSignPk: cell.coordinator.signPk,
        coordinatorSafetyWords: safetyWords(cell.coordinator.signPk, cell.coordinator.boxPk),
        coordinatorPseudonym: 'Anna',
        cellName: 'Samizdat',
      },
    });
  });

  it('refuses, before any replay, a cell or signer the code does not commit to', async () => {
    const cell = new TestCell(URLS);
    const invite = cell.invite();
    const w = member(await admit(cell, invite, identity('Olena')));
    const signer = cell.coordinator.signPk;
    const code = fromCode(invite);
    const other = new TestCell(URLS);
    const flipped = Uint8Array.from(code.commitment);
    flipped[5] = (flipped[5] ?? 0) ^ 0x01;
    for (const [opened, expected] of [
      [{ welcome: { ...w, cellId: other.cellId }, coordinatorSignPk: signer }, code],
      [{ welcome: w, coordinatorSignPk: other.coordinator.signPk }, code],
      [
        { welcome: w, coordinatorSignPk: signer },
        { ...code, commitment: flipped },
      ],
      [{ welcome: w, coordinatorSignPk: signer }, committingTo(invite, other.cellId, signer)],
    ] as const)
      expect(verifyWelcome(opened, expected)).toEqual({ ok: false, error: 'commitment_mismatch' });
  });

  it('refuses a roster that does not replay to the cell', async () => {
    const cell = new TestCell(URLS);
    const invite = cell.invite();
    const w = member(await admit(cell, invite, identity('Olena')));
    const signer = cell.coordinator.signPk;
    const elsewhere = new Uint8Array(16).fill(7);
    for (const [welcome, expected] of [
      [{ ...w, rosterOps: [] }, fromCode(invite)],
      [{ ...w, cellId: elsewhere }, committingTo(invite, elsewhere, signer)],
    ] as const)
      expect(verifyWelcome({ welcome, coordinatorSignPk: signer }, expected)).toMatchObject({
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
      expect(
        verifyWelcome(
          { welcome, coordinatorSignPk: signer },
          committingTo(invite, cell.cellId, signer),
        ),
      ).toMatchObject({ ok: false, error: 'signer_not_coordinator' });
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
      expect(verifyWelcome({ welcome, coordinatorSignPk: signer }, fromCode(invite))).toMatchObject(
        { ok: false, error: 'not_admitted' },
      );
  });

  it('refuses an admission through another invite', async () => {
    const cell = new TestCell(URLS);
    const first = cell.invite();
    const second = cell.invite();
    const welcome = await admit(cell, second, identity('Olena'));
    const opened = { welcome, coordinatorSignPk: cell.coordinator.signPk };
    expect(verifyWelcome(opened, fromCode(second)).ok).toBe(true);
    expect(verifyWelcome(opened, fromCode(first))).toMatchObject({
      ok: false,
      error: 'wrong_invite',
    });
  });

  it('refuses a welcome signed by another coordinator than the one who admitted', async () => {
    const cell = new TestCell(URLS);
    const second = identity('Second');
    await admit(cell, cell.invite('coordinator'), second);
    expect(cell.roster().members.size).toBe(2);
    const invite = cell.invite();
    const welcome = await admit(cell, invite, identity('Olena'));
    // A code committing to the second coordinator, who signs a welcome the first one admitted.
    expect(
      verifyWelcome(
        { welcome, coordinatorSignPk: second.signPk },
        committingTo(invite, cell.cellId, second.signPk),
      ),
    ).toEqual({ ok: false, error: 'wrong_admitter' });
  });

  it('checks only the commitment of a relay welcome; refuses a member welcome for a relay, and a stale epoch', async () => {
    const cell = new TestCell(URLS);
    const relayInvite = cell.invite('relay');
    const relay = await admit(cell, relayInvite, identity('Relay'));
    expect(relay.variant).toBe('relay');
    const signer = cell.coordinator.signPk;
    // A relay welcome has no roster to check: the commitment is all, and there are no words.
    expect(
      verifyWelcome({ welcome: relay, coordinatorSignPk: signer }, fromCode(relayInvite)),
    ).toEqual({
      ok: true,
      value: {
        welcome: relay,
        coordinatorSignPk: signer,
        coordinatorSafetyWords: undefined,
        coordinatorPseudonym: undefined,
        cellName: undefined,
      },
    });
    const stranger = identity('Stranger').signPk;
    expect(
      verifyWelcome({ welcome: relay, coordinatorSignPk: stranger }, fromCode(relayInvite)),
    ).toEqual({ ok: false, error: 'commitment_mismatch' });
    const asMember: MemberWelcome = {
      ...relay,
      variant: 'member',
      epochKeys: [{ epoch: 0, key: cell.epochKey }],
      rosterOps: [...cell.ops.values()],
    };
    expect(
      verifyWelcome({ welcome: asMember, coordinatorSignPk: signer }, fromCode(relayInvite)),
    ).toMatchObject({ ok: false, error: 'role_mismatch' });

    const invite = cell.invite();
    const w = member(await admit(cell, invite, identity('Olena')));
    expect(
      verifyWelcome({ welcome: { ...w, epoch: 1 }, coordinatorSignPk: signer }, fromCode(invite)),
    ).toMatchObject({ ok: false, error: 'epoch_mismatch' });
  });
});
