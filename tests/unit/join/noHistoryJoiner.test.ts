/**
 * Issue 13 item 5: what "no history access" gives a joiner, pinned. The welcome withholds only the
 * keys of epochs before the current one; the joiner still reads every document in full as it is
 * now (text written in earlier epochs is in the current epoch's snapshots). A real history
 * horizon is issue 15.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../../shared/crypto/bytes.ts';
import { LABELS } from '../../../shared/crypto/labels.ts';
import { randomBytes } from '../../../shared/crypto/randomBytes.ts';
import { signDetached } from '../../../shared/crypto/signDetached.ts';
import { sodiumReady } from '../../../shared/crypto/sodium.ts';
import type { Identity } from '../../../shared/identity/createIdentity.ts';
import { deriveInviteSecrets } from '../../../shared/invite/deriveInviteSecrets.ts';
import { joinerSignatureMessage } from '../../../shared/invite/joinerSignatureMessage.ts';
import type { MemberWelcome } from '../../../shared/invite/Welcome.ts';
import { admitBodyFor } from '../../../shared/join/admitBodyFor.ts';
import {
  admitJoiner,
  createInvite,
  recordFromWelcome,
  removeMember,
} from '../../../shared/runtime/cellGovernance.ts';
import type { CellRuntime } from '../../../shared/runtime/CellRuntime.ts';
import { DOC, identity, RelayWorld, text } from '../cli/relayFixture.ts';
import { inviteClock } from '../../support/inviteClock.ts';

beforeAll(async () => {
  await sodiumReady();
});

/** The welcome `coordinator` sends `who`, admitted through a fresh invite with or without history. */
async function welcomeFor(
  world: RelayWorld,
  coordinator: CellRuntime,
  who: Identity,
  historyAccess: boolean,
): Promise<MemberWelcome> {
  const inv = await createInvite(
    coordinator,
    'member',
    3_600_000,
    '',
    inviteClock(world.scheduler.now()),
  );
  if (!inv.ok) throw new Error(inv.error);
  const { inviteId } = deriveInviteSecrets(fromHex(inv.value.invite.secret)!);
  const signature = signDetached(
    who.signSk,
    LABELS.joinProof,
    joinerSignatureMessage(inviteId, who.signPk, who.boxPk, who.pseudonym),
  );
  const request = {
    version: 1,
    signPk: who.signPk,
    boxPk: who.boxPk,
    requestId: randomBytes(16),
    createdAt: 0,
    pseudonym: who.pseudonym,
    joinerSignature: signature,
  };
  const welcome = admitJoiner(
    coordinator,
    admitBodyFor(request, inviteId, 'member', historyAccess, 0),
  );
  if (!welcome.ok || welcome.value.variant !== 'member') throw new Error('no member welcome');
  return welcome.value;
}

describe('a joiner admitted without history access', () => {
  it('reads every document as it is now, and holds no key of an earlier epoch', async () => {
    const { world, a } = await RelayWorld.create();
    const boris = await world.admit(a, 'Boris', 'member');
    a.sync.doc(DOC).getText('t').insert(0, 'written in epoch 0.');
    await world.advance(2_000);
    // A removal moves the cell to epoch 1.
    const removed = await removeMember(a, toHex(boris.identity.signPk));
    expect(removed).toEqual({ ok: true, value: 1 });
    await world.advance(2_000);
    a.sync.doc(DOC).getText('t').insert(19, ' Written in epoch 1.');
    await world.advance(2_000);

    const chen = identity('Chen');
    const welcome = await welcomeFor(world, a, chen, false);
    expect(welcome.epoch).toBe(1);
    expect(welcome.epochKeys.map((k) => k.epoch)).toEqual([1]);
    const record = recordFromWelcome(welcome, chen);
    if (!record.ok) throw new Error(record.error);
    expect([...record.value.epochKeys.keys()]).toEqual([1]);

    const c = await world.openMember(record.value, 2);
    await world.advance(10_000);
    // The whole current text, the part written in epoch 0 included.
    expect(text(c)).toBe('written in epoch 0. Written in epoch 1.');
    expect(c.cellRecord.epochKeys.has(0)).toBe(false);

    // Control: with history access, the welcome also carries epoch 0's key.
    const dana = identity('Dana');
    const withHistory = await welcomeFor(world, a, dana, true);
    expect(withHistory.epochKeys.map((k) => k.epoch)).toEqual([0, 1]);
    await c.close();
    await a.close();
  });
});
