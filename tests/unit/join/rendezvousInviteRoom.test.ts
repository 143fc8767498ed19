import { beforeAll, describe, expect, it } from 'vitest';
import { sodiumReady } from '../../../shared/crypto/sodium.ts';
import { toHex } from '../../../shared/crypto/bytes.ts';
import { encodeInviteRoomMessage } from '../../../shared/invite/encodeInviteRoomMessage.ts';
import type { InviteRoomMessage } from '../../../shared/invite/InviteRoomMessage.ts';
import { inviteFrameKey } from '../../../shared/join/inviteFrameKey.ts';
import { INVITE_CHANNEL_PART_BYTES } from '../../../shared/join/inviteChannelFormat.ts';
import { MAX_RESEND_MS } from '../../../shared/join/openRendezvousInviteRoom.ts';
import { body, channelWorld, openSide, sealRaw, URL_A } from './channelFixture.ts';

beforeAll(async () => {
  await sodiumReady();
});

/** One short string per frame: deep-comparing 160 KiB arrays element by element is slow. */
const digests = (frames: readonly InviteRoomMessage[]): string[] =>
  frames.map((f) => inviteFrameKey(encodeInviteRoomMessage(f)));

const LOSSY = { drop: 0.3, duplicate: 0.3, minLatency: 5, maxLatency: 400 };
const URL_B = 'ws://127.0.0.1:5555';

describe('invite room on the rendezvous pub/sub', () => {
  it('delivers each frame once through loss, duplication and reordering (20 seeds)', async () => {
    for (let seed = 1; seed <= 20; seed++) {
      const w = channelWorld(seed, LOSSY);
      const joiner = openSide(w, ['notice', 'welcome']);
      const host = openSide(w, ['join_request']);
      // A second coordinator of the same invite: reads requests, ignores the first one's answers.
      const other = openSide(w, ['join_request']);
      const request = { kind: 'join_request' as const, body: body(w.rand, 296) };
      // A welcome of 5 parts and a bit: parts arrive in any order, some twice, some only re-sent.
      const welcome = {
        kind: 'welcome' as const,
        body: body(w.rand, 5 * INVITE_CHANNEL_PART_BYTES + 77),
      };
      const notice = { kind: 'notice' as const, body: body(w.rand, 66) };
      expect(joiner.room.publish(request)).toBe(true);
      await w.run(2_000);
      host.room.publish(notice);
      host.room.publish(welcome);
      await w.run(120_000);
      expect(digests(host.got), `seed ${seed}`).toEqual(digests([request]));
      expect(digests(other.got), `seed ${seed}`).toEqual(digests([request]));
      expect(digests(joiner.got).sort(), `seed ${seed}`).toEqual(digests([notice, welcome]).sort());
      for (const side of [joiner, host, other]) expect(side.counters.droppedTotal()).toBe(0);
      // Frames of a kind it does not read are counted once each, not once per re-send.
      expect(other.counters.ignored).toBe(2);
      for (const side of [joiner, host, other]) side.room.close();
    }
  });

  it('reaches a side that subscribes long after the frame was published (no storage on the server)', async () => {
    const w = channelWorld(3);
    const joiner = openSide(w, ['notice', 'welcome']);
    const request = { kind: 'join_request' as const, body: body(w.rand, 296) };
    joiner.room.publish(request);
    await w.run(10 * 60_000);
    const host = openSide(w, ['join_request']);
    // Its hello makes the joiner re-send at once, well before the next periodic re-send.
    await w.run(MAX_RESEND_MS / 4);
    expect(host.got).toEqual([request]);
    joiner.room.close();
    host.room.close();
  });

  it('survives a rendezvous restart and uses every URL of the code', async () => {
    const w = channelWorld(4);
    const joiner = openSide(w, ['notice', 'welcome'], { urls: [URL_A, URL_B] });
    const host = openSide(w, ['join_request'], { urls: [URL_B] });
    await w.run(1_000);
    expect(joiner.room.status()).toEqual({ signalingConnected: true, peers: 0 });
    expect(w.pubsub.openSockets()).toBe(3);
    w.pubsub.disconnect(URL_B);
    await w.run(100);
    expect(host.room.status().signalingConnected).toBe(false);
    // The joiner still holds URL_A, where nobody listens; the host comes back on URL_B.
    const request = { kind: 'join_request' as const, body: body(w.rand, 296) };
    joiner.room.publish(request);
    await w.run(60_000);
    expect(host.room.status().signalingConnected).toBe(true);
    expect(host.got).toEqual([request]);
    joiner.room.close();
    host.room.close();
  });

  it('replaces a link that has gone silent (no pong), and resubscribes', async () => {
    const w = channelWorld(8);
    const host = openSide(w, ['join_request']);
    await w.run(1_000);
    const subscribes = (): number =>
      w.pubsub.received.filter((m) => m.includes('"subscribe"')).length;
    expect(subscribes()).toBe(1);
    // The server still takes messages but delivers nothing, pongs included.
    w.pubsub.faults = { ...w.pubsub.faults, drop: 1 };
    await w.run(2 * 60_000);
    expect(subscribes()).toBeGreaterThanOrEqual(2);
    expect(w.pubsub.openSockets()).toBe(1);
    // Once it delivers again, a request published now gets through.
    w.pubsub.faults = { ...w.pubsub.faults, drop: 0 };
    const joiner = openSide(w, ['notice', 'welcome']);
    const request = { kind: 'join_request' as const, body: body(w.rand, 296) };
    joiner.room.publish(request);
    await w.run(5_000);
    expect(host.got).toEqual([request]);
    host.room.close();
    joiner.room.close();
  });

  it('a flood of hellos from new peers costs at most one re-send round per second', async () => {
    const w = channelWorld(5);
    const joiner = openSide(w, ['notice', 'welcome']);
    joiner.room.publish({ kind: 'join_request', body: body(w.rand, 296) });
    await w.run(5 * 60_000);
    const before = w.pubsub.received.length;
    for (let i = 0; i < 500; i++) {
      const hello = new Uint8Array([1, 1, ...body(w.rand, 16)]);
      w.pubsub.inject(
        w.secrets.roomName,
        JSON.stringify({
          type: 'publish',
          topic: w.secrets.roomName,
          data: sealRaw(hello, w.secrets),
        }),
      );
      if (i % 50 === 49) await w.run(100);
    }
    await w.run(1_000);
    // 500 hellos over ~1 s: the joiner published its one frame a handful of times, not 500.
    const sent = w.pubsub.received.slice(before).filter((m) => m.includes('"publish"'));
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.length).toBeLessThanOrEqual(3);
    joiner.room.close();
  });

  it('close releases every socket and timer, and nothing is handed on afterwards', async () => {
    const w = channelWorld(6, LOSSY);
    const joiner = openSide(w, ['notice', 'welcome'], { urls: [URL_A, URL_B] });
    const host = openSide(w, ['join_request'], { urls: [URL_A, URL_B] });
    joiner.room.publish({ kind: 'join_request', body: body(w.rand, 296) });
    host.room.publish({ kind: 'welcome', body: body(w.rand, 3 * INVITE_CHANNEL_PART_BYTES) });
    await w.run(200);
    expect(w.pubsub.openSockets()).toBe(4);
    joiner.room.close();
    joiner.room.close();
    expect(w.pubsub.openSockets()).toBe(2);
    expect(joiner.room.publish({ kind: 'join_request', body: body(w.rand, 296) })).toBe(false);
    expect(joiner.room.status().signalingConnected).toBe(false);
    const gotBefore = joiner.got.length;
    host.room.close();
    expect(w.pubsub.openSockets()).toBe(0);
    // Deliveries already in flight reach nobody; no timer of either room is left.
    await w.run(10 * 60_000);
    expect(joiner.got).toHaveLength(gotBefore);
    expect(w.scheduler.pendingTimers).toBe(0);
  });

  it('shows the rendezvous operator only the topic and same-size ciphertext', async () => {
    const w = channelWorld(7);
    const joiner = openSide(w, ['notice', 'welcome']);
    const host = openSide(w, ['join_request']);
    const request = { kind: 'join_request' as const, body: body(w.rand, 296) };
    const notice = { kind: 'notice' as const, body: body(w.rand, 66) };
    joiner.room.publish(request);
    host.room.publish(notice);
    await w.run(5_000);
    const seen = w.pubsub.relayed.map((m) => JSON.parse(m) as Record<string, unknown>);
    expect(seen.length).toBeGreaterThan(4);
    const hexOf = (m: { kind: 'join_request' | 'notice'; body: Uint8Array }): string =>
      toHex(encodeInviteRoomMessage(m));
    for (const m of seen) {
      expect(Object.keys(m).sort()).toEqual(['data', 'topic', 'type']);
      expect(m.topic).toBe(w.secrets.roomName);
      expect(typeof m.data).toBe('string');
      // Hellos, the request and the notice are one size: the kind does not show.
      expect((m.data as string).length).toBe(736);
    }
    const all = w.pubsub.relayed.join('');
    expect(all).not.toContain(hexOf(request).slice(4, 40));
    expect(all).not.toContain(Buffer.from(request.body).toString('base64').slice(0, 24));
    joiner.room.close();
    host.room.close();
  });
});
