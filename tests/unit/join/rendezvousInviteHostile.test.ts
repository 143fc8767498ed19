import { beforeAll, describe, expect, it } from 'vitest';
import { fromHex } from '../../../shared/crypto/bytes.ts';
import { sodiumReady } from '../../../shared/crypto/sodium.ts';
import { createInviteSecret } from '../../../shared/invite/createInviteSecret.ts';
import { deriveInviteSecrets } from '../../../shared/invite/deriveInviteSecrets.ts';
import { encodeInviteRoomMessage } from '../../../shared/invite/encodeInviteRoomMessage.ts';
import { MAX_INVITE_ROOM_FRAME_BYTES } from '../../../shared/invite/InviteRoomMessage.ts';
import {
  INVITE_CHANNEL_PART_BYTES,
  MAX_INVITE_CHANNEL_DATA_CHARS,
  MAX_INVITE_CHANNEL_MESSAGE_CHARS,
  partCountFor,
  type InviteChannelPart,
} from '../../../shared/join/inviteChannelFormat.ts';
import { MAX_PARTIAL_FRAMES } from '../../../shared/join/InviteFrameAssembler.ts';
import { inviteFrameKey } from '../../../shared/join/inviteFrameKey.ts';
import { sealInviteChannelMessage } from '../../../shared/join/sealInviteChannelMessage.ts';
import { splitInviteFrame } from '../../../shared/join/splitInviteFrame.ts';
import { body, channelWorld, openSide, sealRaw, type ChannelWorld } from './channelFixture.ts';

beforeAll(async () => {
  await sodiumReady();
});

const keyOf = (frame: Uint8Array): Uint8Array => fromHex(inviteFrameKey(frame)) ?? new Uint8Array();

/** What anyone holding the code can publish: any channel message, sealed correctly. */
function sealed(w: ChannelWorld, part: InviteChannelPart): string {
  const key = fromHex(w.secrets.roomPassword);
  if (!key) throw new Error('password');
  return sealInviteChannelMessage(part, key, w.secrets.roomName);
}

const requestFrame = (w: ChannelWorld): Uint8Array =>
  encodeInviteRoomMessage({ kind: 'join_request', body: body(w.rand, 296) });

describe('invite room on the rendezvous pub/sub: hostile messages', () => {
  it('drops and counts junk at every stage, and still hands on the real request once', async () => {
    const w = channelWorld(11);
    const host = openSide(w, ['join_request']);
    await w.run(100);
    const topic = w.secrets.roomName;
    const junk = (raw: unknown): void => w.pubsub.inject(topic, raw);
    const data = (d: unknown): void => w.pubsub.publish(topic, d);

    // The socket's message, before any payload is decoded.
    junk(new Uint8Array([1, 2, 3]));
    junk('x'.repeat(MAX_INVITE_CHANNEL_MESSAGE_CHARS + 1));
    junk('not json');
    junk('[1,2]');
    junk('{"type":"announce","from":"x"}');
    junk('{"type":"pong"}');
    junk(JSON.stringify({ type: 'publish', topic: 'f'.repeat(32), data: 'AAAA' }));
    data(42);
    // The sealed message.
    data('A'.repeat(MAX_INVITE_CHANNEL_DATA_CHARS + 4));
    data('not base64!');
    data(Buffer.from(body(w.rand, 552)).toString('base64'));
    const stranger = deriveInviteSecrets(createInviteSecret());
    const hello = new Uint8Array([1, 1, ...body(w.rand, 16)]);
    data(sealRaw(hello, { ...stranger, roomName: topic }));
    data(sealRaw(hello, w.secrets, 'another topic'));
    data(sealRaw(new Uint8Array([2, 1, ...body(w.rand, 16)]), w.secrets));
    data(sealRaw(new Uint8Array([1, 9, ...body(w.rand, 16)]), w.secrets));
    data(sealRaw(new Uint8Array([1, 1, ...body(w.rand, 15)]), w.secrets));
    // Parts whose fields do not fit each other, or announce a frame above the cap.
    const frame = requestFrame(w);
    const [part] = splitInviteFrame(frame, keyOf(frame));
    if (!part) throw new Error('no part');
    data(sealed(w, { ...part, count: 3 }));
    data(sealed(w, { ...part, index: 1 }));
    data(sealed(w, { ...part, bytes: part.bytes.subarray(1) }));
    const huge = MAX_INVITE_ROOM_FRAME_BYTES + 1;
    data(
      sealed(w, {
        ...part,
        frameLength: huge,
        count: partCountFor(huge),
        bytes: body(w.rand, INVITE_CHANNEL_PART_BYTES),
      }),
    );
    // Whole frames that are not what they claim: bad frame version, unknown kind, wrong
    // request size, and a real-looking request under another frame's key.
    for (const bad of [
      new Uint8Array([2, 1, ...body(w.rand, 296)]),
      new Uint8Array([1, 9, ...body(w.rand, 40)]),
      new Uint8Array([1, 1, ...body(w.rand, 295)]),
    ])
      for (const p of splitInviteFrame(bad, keyOf(bad))) data(sealed(w, p));
    const liar = requestFrame(w);
    for (const p of splitInviteFrame(liar, keyOf(frame))) data(sealed(w, p));
    await w.run(1_000);

    expect(host.got).toEqual([]);
    expect(host.counters.snapshot()).toMatchObject({
      'dropped.channel.not_text': 1,
      'dropped.channel.oversize': 2,
      'dropped.channel.malformed': 6,
      'dropped.channel.unexpected': 1,
      'dropped.channel.other_topic': 1,
      'dropped.channel.undecryptable': 3,
      'dropped.channel.unsupported_version': 1,
      'dropped.channel.bad_part': 3,
      'dropped.frame.too_large': 1,
      'dropped.frame.unsupported_version': 1,
      'dropped.frame.malformed': 2,
      'dropped.frame.bad_key': 1,
    });

    // The real request under its own key still gets through, once, whatever is re-sent.
    const joiner = openSide(w, ['notice', 'welcome']);
    const request = { kind: 'join_request' as const, body: frame.subarray(2) };
    joiner.room.publish(request);
    await w.run(60_000);
    expect(host.got).toEqual([request]);
    host.room.close();
    joiner.room.close();
  });

  it('a part that disagrees with earlier parts of its frame is dropped; the honest frame completes', async () => {
    const w = channelWorld(12);
    const reader = openSide(w, ['welcome']);
    await w.run(100);
    const welcome = encodeInviteRoomMessage({
      kind: 'welcome',
      body: body(w.rand, 2 * INVITE_CHANNEL_PART_BYTES),
    });
    const parts = splitInviteFrame(welcome, keyOf(welcome));
    const [first, second, third] = parts;
    if (!first || !second || !third) throw new Error('3 parts expected');
    w.pubsub.publish(w.secrets.roomName, sealed(w, first));
    // Under the same key, a part of a frame of another length.
    w.pubsub.publish(
      w.secrets.roomName,
      sealed(w, { ...third, frameLength: welcome.length - 1, bytes: third.bytes.subarray(1) }),
    );
    w.pubsub.publish(w.secrets.roomName, sealed(w, second));
    w.pubsub.publish(w.secrets.roomName, sealed(w, third));
    await w.run(1_000);
    expect(reader.counters.dropped.get('channel.bad_part')).toBe(1);
    expect(reader.got).toHaveLength(1);
    expect(reader.got[0]?.body.length).toBe(welcome.length - 2);
    reader.room.close();
  });

  it('bounds unfinished frames (oldest evicted) and examined bytes (over_budget)', async () => {
    const w = channelWorld(13);
    const reader = openSide(w, ['welcome', 'join_request'], { maxExaminedBytes: 1_000 });
    await w.run(100);
    // Only the first of two parts of many frames: never complete, held within bounds.
    for (let i = 0; i < MAX_PARTIAL_FRAMES + 3; i++) {
      const f = encodeInviteRoomMessage({
        kind: 'welcome',
        body: body(w.rand, INVITE_CHANNEL_PART_BYTES),
      });
      const [p] = splitInviteFrame(f, keyOf(f));
      if (p) w.pubsub.publish(w.secrets.roomName, sealed(w, p));
    }
    // Three requests of 298 bytes fit the 1,000-byte budget; the fourth does not.
    for (let i = 0; i < 4; i++) {
      const f = requestFrame(w);
      for (const p of splitInviteFrame(f, keyOf(f)))
        w.pubsub.publish(w.secrets.roomName, sealed(w, p));
    }
    await w.run(1_000);
    expect(reader.counters.dropped.get('channel.evicted')).toBe(3);
    expect(reader.got).toHaveLength(3);
    expect(reader.counters.dropped.get('frame.over_budget')).toBe(1);
    reader.room.close();
  });
});
