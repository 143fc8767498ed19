import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { applyAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import { fromHex } from '../../../shared/crypto/bytes.ts';
import { LABELS } from '../../../shared/crypto/labels.ts';
import { randomBytes } from '../../../shared/crypto/randomBytes.ts';
import { signDetached } from '../../../shared/crypto/signDetached.ts';
import { sodiumReady } from '../../../shared/crypto/sodium.ts';
import { createIdentity, type Identity } from '../../../shared/identity/createIdentity.ts';
import { deriveInviteSecrets } from '../../../shared/invite/deriveInviteSecrets.ts';
import type { JoinRequest } from '../../../shared/invite/JoinRequest.ts';
import { joinerSignatureMessage } from '../../../shared/invite/joinerSignatureMessage.ts';
import { admitBodyFor } from '../../../shared/join/admitBodyFor.ts';
import {
  admitJoiner,
  createCellRecord,
  createInvite,
  recordFromWelcome,
} from '../../../shared/runtime/cellGovernance.ts';
import { CellRuntime } from '../../../shared/runtime/CellRuntime.ts';
import type { CellRecord } from '../../../shared/runtime/Keyring.ts';
import { PresenceBridge } from '../../../shared/runtime/PresenceBridge.ts';
import type { AdmitBody } from '../../../shared/roster/RosterOp.ts';
import { MemoryNetwork } from '../../support/MemoryNetwork.ts';
import { VirtualScheduler } from '../../support/VirtualScheduler.ts';
import { fastVault } from '../vault/vaultFixture.ts';

const settle = (): Promise<void> => new Promise((r) => setImmediate(r));
const DOC = new Uint8Array(16).fill(7);

function identity(name: string): Identity {
  const r = createIdentity(name);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

function admitFor(joiner: Identity, inviteSecretHex: string): AdmitBody {
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
  return admitBodyFor(request, inviteId, 'member', true, 0);
}

/**
 * An awareness message as any peer in the room can send it to one other peer: any clientID,
 * any clock, any state (y-protocols trusts all three).
 */
function forgedAwareness(clientID: number, clock: number, state: unknown): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint(e, clientID);
  encoding.writeVarUint(e, clock);
  encoding.writeVarString(e, JSON.stringify(state));
  return encoding.toUint8Array(e);
}

/** Anna and Boris, both members, each with a PresenceBridge, in one MemoryNetwork room. */
async function twoMembers() {
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
  const inv = await createInvite(a, 'member', 3_600_000, '', 0);
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
  const bridge = (rt: CellRuntime) =>
    new PresenceBridge(rt.sync, rt.cellRecord.cellId, rt.me, describe(rt), scheduler);
  const pa = bridge(a);
  const pb = bridge(b);
  await advance(500);
  /** The carets a bridge shows for other members in DOC. */
  const others = (p: PresenceBridge) => {
    const aw = p.awarenessFor(DOC);
    return Array.from(aw.getStates()).flatMap(([id, st]) => (id === aw.clientID ? [] : [st]));
  };
  const caret = (anchor: number, head: number) => ({
    cursor: { anchor, head },
    user: { name: 'Anna', color: '#000000' },
  });
  const moveAnna = async (anchor: number, head: number) => {
    pa.awarenessFor(DOC).setLocalStateField('cursor', { anchor, head });
    await advance(500);
  };
  const roomOf = (rt: CellRuntime) => rt.sync.presenceChannel()!.awareness;
  return { a, b, pa, pb, bridge, others, caret, moveAnna, roomOf, advance };
}

describe('presence attacks (issue 14, item 8)', () => {
  it('junk at a huge awareness clock over another member’s entry does not hide their caret', async () => {
    const { a, b, pa, pb, others, caret, moveAnna, roomOf, advance } = await twoMembers();
    await moveAnna(1, 3);
    expect(others(pb)).toEqual([caret(1, 3)]);

    // Mallory, a member in the room, sends Boris junk for Anna's awareness client at a clock far
    // above Anna's: y-protocols takes it, and ignores Anna's real updates from then on.
    const annaClient = roomOf(a).clientID;
    applyAwarenessUpdate(roomOf(b), forgedAwareness(annaClient, 2 ** 40, { q: 'AAAA' }), 'x');
    await advance(500);
    expect(others(pb)).toEqual([caret(1, 3)]);
    await moveAnna(5, 5);
    expect(others(pb)).toEqual([caret(5, 5)]);

    pa.destroy();
    pb.destroy();
    await a.close();
    await b.close();
  });

  it('a captured blob replayed to a member who just started does not show an offline member', async () => {
    const { a, b, pa, pb, bridge, others, caret, moveAnna, roomOf, advance } = await twoMembers();
    await moveAnna(1, 3);
    expect(others(pb)).toEqual([caret(1, 3)]);
    const annaClient = roomOf(a).clientID;
    const captured: unknown = roomOf(b).getStates().get(annaClient)?.['q'];
    expect(typeof captured).toBe('string');

    // Anna goes offline; Boris's room forgets her entry (as its 30 s timeout does).
    pa.destroy();
    await a.close();
    removeAwarenessStates(roomOf(b), [annaClient], 'timeout');
    pb.destroy();
    await advance(180_000);

    // Boris starts again; Mallory replays the captured blob, under Anna's client and another.
    const fresh = bridge(b);
    await advance(500);
    expect(others(fresh)).toEqual([]);
    applyAwarenessUpdate(roomOf(b), forgedAwareness(annaClient, 10_000, { q: captured }), 'x');
    applyAwarenessUpdate(roomOf(b), forgedAwareness(4242, 1, { q: captured }), 'x');
    await advance(500);
    expect(others(fresh)).toEqual([]);
    expect(fresh.dropped).toBeGreaterThanOrEqual(2);

    fresh.destroy();
    await b.close();
  });
});
