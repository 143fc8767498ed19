import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../../shared/crypto/bytes.ts';
import { LABELS } from '../../../shared/crypto/labels.ts';
import { randomBytes } from '../../../shared/crypto/randomBytes.ts';
import { signDetached } from '../../../shared/crypto/signDetached.ts';
import { sodiumReady } from '../../../shared/crypto/sodium.ts';
import { createIdentity, type Identity } from '../../../shared/identity/createIdentity.ts';
import { deriveInviteSecrets } from '../../../shared/invite/deriveInviteSecrets.ts';
import { joinerSignatureMessage } from '../../../shared/invite/joinerSignatureMessage.ts';
import { admitBodyFor } from '../../../shared/join/admitBodyFor.ts';
import { createRosterOp } from '../../../shared/roster/createRosterOp.ts';
import { rekeyProofMessage } from '../../../shared/roster/rekeyProofMessage.ts';
import {
  admitJoiner,
  createCellRecord,
  createInvite,
  recordFromWelcome,
} from '../../../shared/runtime/cellGovernance.ts';
import { CellRuntime } from '../../../shared/runtime/CellRuntime.ts';
import type { CellRecord } from '../../../shared/runtime/Keyring.ts';
import { rekeySelf } from '../../../shared/runtime/rekeySelf.ts';
import type { Vault } from '../../../shared/vault/Vault.ts';
import { memberName } from '../../../renderer/drafts/memberName.ts';
import { initI18n } from '../../../renderer/i18n/i18n.ts';
import { MembersScreen } from '../../../renderer/members/MembersScreen.tsx';
import { RemovedBanner } from '../../../renderer/members/RemovedBanner.tsx';
import type { CellSession } from '../../../renderer/session/CellSession.ts';
import {
  createCellSession,
  type OpenCellSession,
} from '../../../renderer/session/createCellSession.ts';
import { MemoryNetwork } from '../../support/MemoryNetwork.ts';
import { VirtualScheduler } from '../../support/VirtualScheduler.ts';
import { fastVault } from '../vault/vaultFixture.ts';

/**
 * "My device was out of my hands" on the Members screen, over real sessions and runtimes: what
 * the member is told before re-keying, what the others see afterwards (same person, new words,
 * not verified), and what a coordinator and the member see when two re-keys of one key met.
 */

const settle = (): Promise<void> => new Promise((r) => setImmediate(r));
const opened: { close(): Promise<void> }[] = [];

function identity(name: string): Identity {
  const r = createIdentity(name);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

function textOf(
  session: CellSession,
  node: (p: { readonly session: CellSession }) => ReactElement | null = MembersScreen,
): string {
  const text = renderToStaticMarkup(createElement(node, { session }))
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
  expect(text).not.toMatch(/\{\{|members\./);
  return text;
}

async function world() {
  const scheduler = new VirtualScheduler();
  const net = new MemoryNetwork(scheduler, Math.random, {
    drop: 0,
    duplicate: 0,
    minLatency: 1,
    maxLatency: 10,
    reconnectMs: 10,
  });
  const advance = (ms: number): Promise<void> => scheduler.advance(ms, settle);
  const runtime = (record: CellRecord, vault: Vault, peer: number) =>
    CellRuntime.open({
      record,
      sealed: vault.store,
      transport: net.transportFor(peer),
      saveRecord: () => Promise.resolve(),
      scheduler,
    });
  /** A session whose rekey re-opens the cell as a new session, like the app session does. */
  const device = async (record: CellRecord, peer: number) => {
    const { vault } = await fastVault();
    const holder: { session: OpenCellSession; runtime: CellRuntime } = {} as never;
    const make = (rt: CellRuntime): void => {
      holder.runtime = rt;
      holder.session = createCellSession(rt, undefined, {
        rekey: async (cell) => {
          const r = await rekeySelf(cell, {
            sealed: vault.store,
            saveRecord: () => Promise.resolve(),
            reopen: (rec) => runtime(rec, vault, peer),
          });
          if (r.ok) make(r.value.runtime);
          return r.ok;
        },
      });
      opened.push(holder.session);
    };
    make(await runtime(record, vault, peer));
    return holder;
  };
  const created = createCellRecord({
    identity: identity('Anna'),
    name: 'Printers',
    signaling: ['ws://127.0.0.1:1'],
  });
  if (!created.ok) throw new Error(created.error);
  const anna = await device(created.value, 0);
  const invite = await createInvite(anna.runtime, 'member', 3_600_000, '', Date.now());
  if (!invite.ok) throw new Error(invite.error);
  const who = identity('Boris');
  const { inviteId } = deriveInviteSecrets(fromHex(invite.value.invite.secret)!);
  const request = {
    version: 1 as const,
    signPk: who.signPk,
    boxPk: who.boxPk,
    requestId: randomBytes(16),
    createdAt: 0,
    pseudonym: who.pseudonym,
    joinerSignature: signDetached(
      who.signSk,
      LABELS.joinProof,
      joinerSignatureMessage(inviteId, who.signPk, who.boxPk, who.pseudonym),
    ),
  };
  const welcome = admitJoiner(anna.runtime, admitBodyFor(request, inviteId, 'member', true, 0));
  if (!welcome.ok) throw new Error(welcome.error);
  const record = recordFromWelcome(welcome.value, who);
  if (!record.ok) throw new Error(record.error);
  const boris = await device(record.value, 1);
  await advance(500);
  return { anna, boris, advance };
}

beforeAll(async () => {
  await sodiumReady();
  initI18n('en');
});

afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
});

describe('Members screen: my device was out of my hands', () => {
  it('says what a re-key does and cannot undo; afterwards the others see the same person, unverified', async () => {
    const { anna, boris, advance } = await world();
    const before = textOf(boris.session);
    expect(before).toContain('My device was out of my hands');
    expect(before).toContain('assume that someone copied everything on it');
    const oldHex = boris.session.me.signPkHex;
    const colour = boris.session.me.colour;
    await anna.session.governance!.setVerified(oldHex, true);
    expect(textOf(anna.session)).toContain('Boris Member Verified');

    expect(await boris.session.governance!.rekey()).toBe(true);
    await advance(1000);
    const newHex = boris.session.me.signPkHex;
    expect(newHex).not.toBe(oldHex);
    expect(boris.session.me.colour).toBe(colour);
    const seen = textOf(anna.session);
    expect(seen).toContain('People in this cell (2)');
    expect(seen).toContain('Boris Member Not verified');
    expect(seen).toContain('Boris has new keys (their device was out of their hands)');
    // Content the old key signed is still shown as Boris's.
    const words = { you: 'you', unknown: 'unknown' };
    expect(memberName(anna.session.members(), oldHex, words)).toBe('Boris');
    expect(anna.session.members().find((m) => m.signPkHex === newHex)?.colour).toBe(colour);
    expect(boris.session.governance!.state()).toBe('active');
  });

  it('two re-keys of one key at once: the coordinator is told who and why; the member sees why', async () => {
    const { anna, boris, advance } = await world();
    const image = boris.runtime.cellRecord.identity;
    const heads = boris.runtime.roster.heads();
    const cellId = boris.runtime.cellRecord.cellId;
    expect(await boris.session.governance!.rekey()).toBe(true);
    // The copy of the old key re-keys too, without having seen Boris's re-key.
    const thief = identity('Boris');
    const proof = signDetached(
      thief.signSk,
      LABELS.rekeyProof,
      rekeyProofMessage(cellId, image.signPk, thief.signPk, thief.boxPk),
    );
    const op = createRosterOp(cellId, image, heads, {
      type: 'rekey',
      newSignPk: thief.signPk,
      newBoxPk: thief.boxPk,
      proof,
    });
    if (!op.ok) throw new Error(op.error);
    anna.runtime.roster.add(op.value.bytes);
    boris.runtime.roster.add(op.value.bytes);
    await advance(1000);
    const r = anna.runtime.currentRoster();
    expect([...r.rekeyConflicts.keys()]).toEqual([toHex(image.signPk)]);
    const seen = textOf(anna.session);
    expect(seen).toContain('Keys used on two devices at once');
    expect(seen).toContain('Boris was removed: their keys were used to re-key on two devices');
    expect(seen).toContain('People in this cell (1)');
    expect(boris.session.governance!.state()).toBe('removed');
    expect(textOf(boris.session, RemovedBanner)).toContain(
      'Your keys were re-keyed on another device at the same time as here',
    );
  });
});
