import { beforeAll, describe, expect, it } from 'vitest';
import { sodiumReady } from '../../../shared/crypto/sodium.ts';
import { randomBytes } from '../../../shared/crypto/randomBytes.ts';
import { createInviteSecret } from '../../../shared/invite/createInviteSecret.ts';
import { decodeInviteRoomMessage } from '../../../shared/invite/decodeInviteRoomMessage.ts';
import { deriveInviteSecrets } from '../../../shared/invite/deriveInviteSecrets.ts';
import { encodeInviteRoomMessage } from '../../../shared/invite/encodeInviteRoomMessage.ts';
import type { InviteRoomMessage } from '../../../shared/invite/InviteRoomMessage.ts';
import { MAX_INVITE_ROOM_FRAME_BYTES } from '../../../shared/invite/InviteRoomMessage.ts';
import type { JoinRequest } from '../../../shared/invite/JoinRequest.ts';
import { openJoinRequest } from '../../../shared/invite/openJoinRequest.ts';
import { sealInviteNotice } from '../../../shared/invite/sealInviteNotice.ts';
import { sealJoinRequest } from '../../../shared/invite/sealJoinRequest.ts';
import { sealWelcome } from '../../../shared/invite/sealWelcome.ts';
import { admitBodyFor } from '../../../shared/join/admitBodyFor.ts';
import type { Decision } from '../../../shared/join/InviteHost.ts';
import { inviteFrameKey } from '../../../shared/join/inviteFrameKey.ts';
import type * as Y from 'yjs';
import { deferred, startHost, startJoiner, world } from './joinHarness.ts';
import { identity, rawPeer, TestCell, type TestInvite } from './joinFixture.ts';

const URLS = ['ws://127.0.0.1:4444'];

beforeAll(async () => {
  await sodiumReady();
});

const frame = (m: InviteRoomMessage): Uint8Array => encodeInviteRoomMessage(m);
const put = (map: Y.Map<unknown>, bytes: Uint8Array, key = inviteFrameKey(bytes)): void => {
  map.set(key, bytes);
};

/** The join requests an insider (holding s) can read in its copy of the room. */
function readRequests(map: Y.Map<unknown>, invite: TestInvite): { key: string; q: JoinRequest }[] {
  const { inviteKey, inviteId } = deriveInviteSecrets(invite.secret);
  const out: { key: string; q: JoinRequest }[] = [];
  for (const [key, v] of map.entries()) {
    if (!(v instanceof Uint8Array)) continue;
    const m = decodeInviteRoomMessage(v);
    if (!m.ok || m.value.kind !== 'join_request') continue;
    const q = openJoinRequest(m.value.body, inviteKey, inviteId);
    if (q.ok) out.push({ key, q: q.value });
  }
  return out;
}

function onlyRequest(map: Y.Map<unknown>, invite: TestInvite): { key: string; q: JoinRequest } {
  const all = readRequests(map, invite);
  if (all.length !== 1 || !all[0]) throw new Error(`${all.length} requests in the room`);
  return all[0];
}

describe('invite room: hostile frames', () => {
  it('drops and counts junk and a wrong-invite request, and still admits the real joiner', async () => {
    const w = world();
    const cell = new TestCell(URLS);
    const invite = cell.invite('member');
    const mallory = rawPeer(w.net.transportFor(9), invite.secret, URLS);
    const m = mallory.map;
    // Not bytes at all.
    m.set('a'.repeat(32), 'a string');
    m.set('b'.repeat(32), 42);
    // Over the frame cap.
    put(m, new Uint8Array(MAX_INVITE_ROOM_FRAME_BYTES + 1).fill(1));
    // Bad frame headers: version, unknown kind, a fixed-size kind of the wrong size.
    put(m, new Uint8Array([2, 1, ...randomBytes(296)]));
    put(m, new Uint8Array([1, 9, ...randomBytes(40)]));
    put(m, new Uint8Array([1, 1, ...randomBytes(295)]));
    // A join request for another invite (wrong key), and a well-formed frame under a wrong key.
    const other = deriveInviteSecrets(createInviteSecret());
    const stranger = identity('Stranger');
    const wrong = sealJoinRequest({ ...other, ...stranger, pseudonym: 'Stranger', createdAt: 1 });
    if (!wrong.ok) throw new Error(wrong.error);
    put(m, frame({ kind: 'join_request', body: wrong.value.bytes }));
    put(m, frame({ kind: 'join_request', body: randomBytes(296) }), 'c'.repeat(32));
    // For the joiner: a notice and a welcome that open with nothing.
    put(m, frame({ kind: 'notice', body: randomBytes(66) }));
    put(m, frame({ kind: 'welcome', body: randomBytes(2_000) }));
    await w.run(500);

    const host = startHost(w, cell, invite, 1);
    const joiner = startJoiner(w, invite.code, 2);
    await w.run(3_000);
    expect(joiner.result()?.ok).toBe(true);
    expect(host.asked).toHaveLength(1);
    expect(host.asked[0]?.signPk).toEqual(joiner.id.signPk);
    const hostStats = host.handle.stats();
    expect(hostStats).toMatchObject({
      'dropped.frame.not_bytes': 2,
      'dropped.frame.too_large': 1,
      'dropped.frame.unsupported_version': 1,
      'dropped.frame.malformed': 2,
      'dropped.frame.bad_key': 1,
      'dropped.request.decrypt_failed': 1,
    });
    // The joiner read only notices and welcomes: Mallory's two, then the real welcome.
    expect(joiner.counters.dropped.get('notice.decrypt_failed')).toBe(1);
    expect(joiner.counters.dropped.get('welcome.decrypt_failed')).toBe(1);
    host.handle.close();
  });

  it('puts its request back when an insider deletes it', async () => {
    const w = world();
    const cell = new TestCell(URLS);
    const invite = cell.invite('member');
    const mallory = rawPeer(w.net.transportFor(9), invite.secret, URLS);
    const joiner = startJoiner(w, invite.code, 2);
    await w.run(500);
    const seen = readRequests(mallory.map, invite);
    expect(seen).toHaveLength(1);
    mallory.map.delete(seen[0]!.key);
    await w.run(500);
    expect(joiner.counters.reinserted).toBeGreaterThanOrEqual(1);
    expect(readRequests(mallory.map, invite)).toHaveLength(1);
    // A coordinator who comes online only now still gets the request.
    const host = startHost(w, cell, invite, 1);
    await w.run(2_000);
    expect(host.asked).toHaveLength(1);
    expect(joiner.result()?.ok).toBe(true);
    host.handle.close();
  });

  it('lets a verified welcome override a forged denied notice', async () => {
    const w = world();
    const cell = new TestCell(URLS);
    const invite = cell.invite('member');
    const answer = deferred<Decision>();
    const host = startHost(w, cell, invite, 1, { decide: () => answer.promise });
    const mallory = rawPeer(w.net.transportFor(9), invite.secret, URLS);
    const joiner = startJoiner(w, invite.code, 2, { noticeGraceMs: 30_000 });
    await w.run(500);
    const { q } = onlyRequest(mallory.map, invite);
    const { inviteKey, inviteId } = deriveInviteSecrets(invite.secret);
    const notice = sealInviteNotice(
      { kind: 'denied', requestId: q.requestId, issuedAt: 1 },
      inviteKey,
      inviteId,
    );
    if (!notice.ok) throw new Error(notice.error);
    put(mallory.map, frame({ kind: 'notice', body: notice.value }));
    await w.run(500);
    expect(joiner.states.at(-1)?.status).toBe('denied');
    answer.resolve({ approve: true, historyAccess: false });
    await w.run(1_000);
    expect(joiner.states.map((s) => s.status)).toEqual([
      'waiting_for_approval',
      'denied',
      'approved',
    ]);
    expect(joiner.result()).toMatchObject({
      ok: true,
      value: { coordinatorSignPk: cell.coordinator.signPk },
    });
    host.handle.close();
  });

  it('ignores a welcome for a cell the code does not commit to, signed by someone else', async () => {
    const w = world();
    const cell = new TestCell(URLS);
    const invite = cell.invite('member');
    const answer = deferred<Decision>();
    const host = startHost(w, cell, invite, 1, { decide: () => answer.promise });
    const mallory = rawPeer(w.net.transportFor(9), invite.secret, URLS);
    const joiner = startJoiner(w, invite.code, 2);
    await w.run(500);
    // Mallory holds s: she reads the request and answers with a welcome of a cell of her own,
    // signed by someone who is not its coordinator.
    const { q } = onlyRequest(mallory.map, invite);
    const fake = new TestCell(URLS, 'Mallory');
    fake.post({ type: 'invite', inviteId: invite.inviteId, role: 'member', expiresAt: 1e12 });
    const admit = admitBodyFor(q, invite.inviteId, 'member', false, 0);
    const made = await fake.makeWelcome({ ...q, safetyWords: [] }, { historyAccess: false, admit });
    const sealed = sealWelcome(made!.welcome, identity('Signer'), invite.inviteId);
    if (!sealed.ok) throw new Error(sealed.error);
    put(mallory.map, frame({ kind: 'welcome', body: sealed.value }));
    await w.run(500);
    expect(joiner.counters.dropped.get('welcome.commitment_mismatch')).toBe(1);
    expect(joiner.states.at(-1)?.status).toBe('forged_welcome');
    expect(joiner.result()).toBeUndefined();
    answer.resolve({ approve: true, historyAccess: false });
    await w.run(1_000);
    expect(joiner.result()).toMatchObject({
      ok: true,
      value: { coordinatorSignPk: cell.coordinator.signPk },
    });
    host.handle.close();
  });

  it('shows a joiner once, even when it asks again with a new request id', async () => {
    const w = world();
    const cell = new TestCell(URLS);
    const invite = cell.invite('member');
    const host = startHost(w, cell, invite, 1, {
      decide: () => Promise.resolve({ approve: false }),
    });
    const id = identity('Olena');
    const first = startJoiner(w, invite.code, 2, { identity: id });
    await w.run(3_000);
    expect(first.result()).toEqual({ ok: false, error: 'denied' });
    const again = startJoiner(w, invite.code, 3, { identity: id });
    await w.run(3_000);
    expect(again.result()).toEqual({ ok: false, error: 'denied' });
    expect(host.asked).toHaveLength(1);
    expect(host.handle.stats().duplicates).toBe(1);
    host.handle.close();
  });
});
