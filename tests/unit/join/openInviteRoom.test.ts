import { beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from '../../../shared/crypto/randomBytes.ts';
import { sodiumReady } from '../../../shared/crypto/sodium.ts';
import { deriveInviteSecrets } from '../../../shared/invite/deriveInviteSecrets.ts';
import { encodeInviteRoomMessage } from '../../../shared/invite/encodeInviteRoomMessage.ts';
import type { InviteRoomMessage } from '../../../shared/invite/InviteRoomMessage.ts';
import { inviteFrameKey } from '../../../shared/join/inviteFrameKey.ts';
import { JoinCounters } from '../../../shared/join/JoinCounters.ts';
import { openInviteRoom } from '../../../shared/join/openInviteRoom.ts';
import { rawPeer, TestCell } from './joinFixture.ts';
import { startHost, startJoiner, world } from './joinHarness.ts';

const URLS = ['ws://127.0.0.1:4444'];

beforeAll(async () => {
  await sodiumReady();
});

describe('openInviteRoom', () => {
  it('hands each distinct frame over once, within its byte budget', async () => {
    const w = world();
    const cell = new TestCell(URLS);
    const invite = cell.invite();
    const counters = new JoinCounters();
    const got: InviteRoomMessage[] = [];
    const room = openInviteRoom({
      transport: w.net.transportFor(1),
      secrets: deriveInviteSecrets(invite.secret),
      signaling: URLS,
      accept: ['join_request'],
      onMessage: (m) => got.push(m),
      counters,
      maxExaminedBytes: 1_000, // three 298-byte request frames
    });
    if (!room.ok) throw new Error(room.error);
    const peer = rawPeer(w.net.transportFor(2), invite.secret, URLS);
    const frames = [1, 2, 3, 4].map(() =>
      encodeInviteRoomMessage({ kind: 'join_request', body: randomBytes(296) }),
    );
    for (const f of frames.slice(0, 3)) peer.map.set(inviteFrameKey(f), f);
    // The same frame again under its key, and a notice (a kind this side does not read).
    peer.map.set(inviteFrameKey(frames[0]!), frames[0]!.slice());
    const notice = encodeInviteRoomMessage({ kind: 'notice', body: randomBytes(66) });
    peer.map.set(inviteFrameKey(notice), notice);
    await w.run(500);
    expect(got.map((m) => m.body)).toEqual(frames.slice(0, 3).map((f) => f.subarray(2)));
    expect(counters.ignored).toBe(1);
    expect(counters.droppedTotal()).toBe(0);
    const last = frames[3]!;
    peer.map.set(inviteFrameKey(last), last);
    await w.run(500);
    expect(got).toHaveLength(3);
    expect(counters.dropped.get('frame.over_budget')).toBe(1);
    room.value.close();
    room.value.close();
    expect(room.value.publish({ kind: 'notice', body: randomBytes(66) })).toBe(false);
  });

  it('shows at most maxRequests joiners', async () => {
    const w = world();
    const cell = new TestCell(URLS);
    const invite = cell.invite();
    const host = startHost(w, cell, invite, 1, {
      maxRequests: 2,
      decide: () => new Promise(() => undefined),
    });
    for (const peer of [2, 3, 4]) startJoiner(w, invite.code, peer);
    await w.run(2_000);
    expect(host.asked).toHaveLength(2);
    expect(host.handle.stats()).toMatchObject({ 'dropped.request.too_many': 1 });
    host.handle.close();
  });
});
