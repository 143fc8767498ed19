import { describe, expect, it } from 'vitest';
import { toHex } from '../../../shared/crypto/bytes.ts';
import { LABELS } from '../../../shared/crypto/labels.ts';
import { signDetached } from '../../../shared/crypto/signDetached.ts';
import { sodiumReady } from '../../../shared/crypto/sodium.ts';
import { randomBytes } from '../../../shared/crypto/randomBytes.ts';
import { createIdentity, type Identity } from '../../../shared/identity/createIdentity.ts';
import { deriveInviteSecrets } from '../../../shared/invite/deriveInviteSecrets.ts';
import { joinerSignatureMessage } from '../../../shared/invite/joinerSignatureMessage.ts';
import type { JoinRequest } from '../../../shared/invite/JoinRequest.ts';
import { admitBodyFor } from '../../../shared/join/admitBodyFor.ts';
import type { AdmitBody } from '../../../shared/roster/RosterOp.ts';
import { fromHex } from '../../../shared/crypto/bytes.ts';
import {
  admitJoiner,
  createCellRecord,
  createInvite,
  recordFromWelcome,
  removeMember,
} from '../../../shared/runtime/cellGovernance.ts';
import { CellRuntime } from '../../../shared/runtime/CellRuntime.ts';
import type { CellRecord } from '../../../shared/runtime/Keyring.ts';
import { MemoryNetwork } from '../../support/MemoryNetwork.ts';
import { VirtualScheduler } from '../../support/VirtualScheduler.ts';
import { fastVault } from '../vault/vaultFixture.ts';
import { inviteClock } from '../../support/inviteClock.ts';

const settle = (): Promise<void> => new Promise((r) => setImmediate(r));
const DOC = new Uint8Array(16).fill(7);

function identity(name: string): Identity {
  const r = createIdentity(name);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

/** The admit body an invite host builds from a verified join request (see shared/join). */
function admitFor(joiner: Identity, inviteSecretHex: string, historyAccess = true): AdmitBody {
  const { inviteId } = deriveInviteSecrets(fromHex(inviteSecretHex)!);
  const request: JoinRequest = {
    version: 1,
    signPk: joiner.signPk,
    boxPk: joiner.boxPk,
    requestId: randomBytes(16),
    createdAt: 0,
    pseudonym: joiner.pseudonym,
    joinerSignature: signDetached(
      joiner.signSk,
      LABELS.joinProof,
      joinerSignatureMessage(inviteId, joiner.signPk, joiner.boxPk, joiner.pseudonym),
    ),
  };
  return admitBodyFor(request, inviteId, 'member', historyAccess, 0);
}

describe('cell runtime: create, invite, admit, sync, remove with rotation', () => {
  it('a removed member stops receiving; the others carry on in the new epoch', async () => {
    await sodiumReady();
    const scheduler = new VirtualScheduler();
    const net = new MemoryNetwork(scheduler, Math.random, {
      drop: 0,
      duplicate: 0,
      minLatency: 1,
      maxLatency: 20,
      reconnectMs: 10,
    });
    const advance = (ms: number) => scheduler.advance(ms, settle);
    const open = async (record: CellRecord, peer: number) => {
      const { vault } = await fastVault();
      return CellRuntime.open({
        record,
        sealed: vault.store,
        transport: net.transportFor(peer),
        saveRecord: () => Promise.resolve(),
        scheduler,
      });
    };

    const created = createCellRecord({
      identity: identity('Anna'),
      name: 'Cell canary',
      signaling: ['ws://127.0.0.1:1'],
    });
    if (!created.ok) throw new Error(created.error);
    const a = await open(created.value, 0);
    expect(a.currentRoster().cellName).toBe('Cell canary');

    const joiners: CellRuntime[] = [];
    for (const [name, peer] of [
      ['Boris', 1],
      ['Chen', 2],
    ] as const) {
      const inv = await createInvite(
        a,
        'member',
        3_600_000,
        'for ' + name,
        inviteClock(scheduler.now()),
      );
      if (!inv.ok) throw new Error(inv.error);
      const who = identity(name);
      const welcome = admitJoiner(a, admitFor(who, inv.value.invite.secret));
      if (!welcome.ok) throw new Error(welcome.error);
      const rec = recordFromWelcome(welcome.value, who);
      if (!rec.ok) throw new Error(rec.error);
      joiners.push(await open(rec.value, peer));
    }
    const [b, c] = joiners as [CellRuntime, CellRuntime];
    await advance(500);
    expect(b.currentRoster().members.size).toBe(3);

    a.sync.doc(DOC).getText('t').insert(0, 'before ');
    await advance(1000);
    expect(b.sync.doc(DOC).getText('t').toJSON()).toBe('before ');
    expect(c.sync.doc(DOC).getText('t').toJSON()).toBe('before ');

    const removed = await removeMember(a, toHex(b.me.signPk));
    expect(removed).toEqual({ ok: true, value: 1 });
    await advance(2000);
    expect(c.sync.status().epoch).toBe(1);
    expect(b.state).toBe('removed');
    expect(b.sync.status().epoch).toBe(0);

    a.sync.doc(DOC).getText('t').insert(7, 'after');
    // B, still holding the old key, tries to write into the old epoch: everyone rejects it.
    b.sync.doc(DOC).getText('t').insert(0, 'informer ');
    await advance(5000);
    expect(c.sync.doc(DOC).getText('t').toJSON()).toBe('before after');
    expect(a.sync.doc(DOC).getText('t').toJSON()).toBe('before after');
    expect(b.sync.doc(DOC).getText('t').toJSON()).not.toContain('after');
    expect(
      c.sync.diagnostics.rejected.get('not_writer') ??
        c.sync.diagnostics.rejected.get('not_member'),
    ).toBeGreaterThan(0);
    for (const r of [a, b, c]) await r.close();
  });
});

describe('presence: sealed on the wire, shown under the roster pseudonym', () => {
  it('carries a cursor between two members and ignores junk in the wire awareness', async () => {
    await sodiumReady();
    const scheduler = new VirtualScheduler();
    const net = new MemoryNetwork(scheduler, Math.random, {
      drop: 0,
      duplicate: 0,
      minLatency: 1,
      maxLatency: 5,
      reconnectMs: 5,
    });
    const advance = (ms: number) => scheduler.advance(ms, settle);
    const open = async (record: CellRecord, peer: number) => {
      const { vault } = await fastVault();
      return CellRuntime.open({
        record,
        sealed: vault.store,
        transport: net.transportFor(peer),
        saveRecord: () => Promise.resolve(),
        scheduler,
      });
    };
    const created = createCellRecord({
      identity: identity('Anna'),
      name: 'c',
      signaling: ['ws://x'],
    });
    if (!created.ok) throw new Error(created.error);
    const a = await open(created.value, 0);
    const inv = await createInvite(a, 'member', 3_600_000, '', inviteClock(0));
    if (!inv.ok) throw new Error(inv.error);
    const who = identity('Boris');
    const welcome = admitJoiner(a, admitFor(who, inv.value.invite.secret));
    if (!welcome.ok) throw new Error(welcome.error);
    const rec = recordFromWelcome(welcome.value, who);
    if (!rec.ok) throw new Error(rec.error);
    const b = await open(rec.value, 1);
    const describe = (rt: CellRuntime) => (hex: string) => {
      const m = rt.currentRoster().members.get(hex);
      return m ? { name: m.pseudonym, color: '#000000' } : undefined;
    };
    const { PresenceBridge } = await import('../../../shared/runtime/PresenceBridge.ts');
    const pa = new PresenceBridge(a.sync, a.cellRecord.cellId, a.me, describe(a), scheduler);
    const pb = new PresenceBridge(b.sync, b.cellRecord.cellId, b.me, describe(b), scheduler);
    await advance(500);
    pa.awarenessFor(DOC).setLocalState({
      cursor: { anchor: 1, head: 3 },
      user: { name: 'Mallory' },
    });
    await advance(500);
    const others = (p: typeof pb) => {
      const a = p.awarenessFor(DOC);
      return Array.from(a.getStates()).flatMap(([id, st]) => (id === a.clientID ? [] : [st]));
    };
    // Editors only add fields to the local state (setLocalStateField), as TipTap's caret does.
    pa.awarenessFor(DOC).setLocalStateField('user', { name: 'Mallory' });
    pa.awarenessFor(DOC).setLocalStateField('cursor', { anchor: 1, head: 3 });
    await advance(500);
    const seen = others(pb);
    expect(seen).toEqual([
      { cursor: { anchor: 1, head: 3 }, user: { name: 'Anna', color: '#000000' } },
    ]);
    // A peer in the room writing junk into the wire awareness is dropped, not shown; the last
    // good state stays (junk must not hide a member's caret: presenceAttacks.test.ts).
    const before = pb.dropped;
    const channel = a.sync.presenceChannel()!;
    channel.awareness.setLocalStateField('q', 'AAAA');
    await advance(500);
    expect(pb.dropped).toBeGreaterThan(before);
    expect(others(pb)).toEqual(seen);
    pa.destroy();
    pb.destroy();
    await a.close();
    await b.close();
  });
});
