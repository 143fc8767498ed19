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
  MAX_INVITE_CHANNEL_PARTS,
} from '../../../shared/join/inviteChannelFormat.ts';
import { inviteFrameKey } from '../../../shared/join/inviteFrameKey.ts';
import { openInviteChannelMessage } from '../../../shared/join/openInviteChannelMessage.ts';
import { sealInviteChannelMessage } from '../../../shared/join/sealInviteChannelMessage.ts';
import { splitInviteFrame } from '../../../shared/join/splitInviteFrame.ts';
import { prng, randBytes } from '../../support/prng.ts';

beforeAll(async () => {
  await sodiumReady();
});

const secrets = (): { key: Uint8Array; topic: string } => {
  const s = deriveInviteSecrets(createInviteSecret());
  const key = fromHex(s.roomPassword);
  if (!key) throw new Error('password');
  return { key, topic: s.roomName };
};

const partsOf = (frame: Uint8Array) => splitInviteFrame(frame, fromHex(inviteFrameKey(frame))!);

describe('invite channel messages', () => {
  it('round-trip a hello and every part of the largest frame; the data cap is exact', () => {
    const { key, topic } = secrets();
    const rand = prng(1);
    const hello = { type: 'hello' as const, peerId: randBytes(rand, 16) };
    expect(
      openInviteChannelMessage(sealInviteChannelMessage(hello, key, topic), key, topic),
    ).toEqual({ ok: true, value: hello });
    const largest = new Uint8Array(MAX_INVITE_ROOM_FRAME_BYTES).fill(7);
    const parts = partsOf(largest);
    expect(parts).toHaveLength(MAX_INVITE_CHANNEL_PARTS);
    expect(parts.at(-1)?.bytes.length).toBe(
      MAX_INVITE_ROOM_FRAME_BYTES - (MAX_INVITE_CHANNEL_PARTS - 1) * INVITE_CHANNEL_PART_BYTES,
    );
    const full = sealInviteChannelMessage(parts[0]!, key, topic);
    expect(full.length).toBe(MAX_INVITE_CHANNEL_DATA_CHARS);
    const opened = openInviteChannelMessage(full, key, topic);
    expect(opened.ok && opened.value.type === 'part' && opened.value.bytes).toEqual(
      parts[0]!.bytes,
    );
  });

  it('hello, join request and notice are one size on the wire', () => {
    const { key, topic } = secrets();
    const rand = prng(2);
    const sizes = new Set([
      sealInviteChannelMessage({ type: 'hello', peerId: randBytes(rand, 16) }, key, topic).length,
      ...[296, 66].map(
        (n) =>
          sealInviteChannelMessage(
            partsOf(encodeInviteRoomMessage({ kind: 'notice', body: randBytes(rand, n) }))[0]!,
            key,
            topic,
          ).length,
      ),
    ]);
    expect([...sizes]).toEqual([736]);
  });

  it('refuses every single flipped byte of a sealed message, and the wrong key or topic', () => {
    const { key, topic } = secrets();
    const rand = prng(3);
    const data = sealInviteChannelMessage(
      partsOf(encodeInviteRoomMessage({ kind: 'join_request', body: randBytes(rand, 296) }))[0]!,
      key,
      topic,
    );
    const sealed = Buffer.from(data, 'base64');
    for (let i = 0; i < sealed.length; i++) {
      const flipped = Buffer.from(sealed);
      flipped[i]! ^= 1 << (i % 8);
      const r = openInviteChannelMessage(flipped.toString('base64'), key, topic);
      expect(r.ok, `byte ${i}`).toBe(false);
    }
    const other = secrets();
    expect(openInviteChannelMessage(data, other.key, topic)).toMatchObject({
      error: 'undecryptable',
    });
    expect(openInviteChannelMessage(data, key, other.topic)).toMatchObject({
      error: 'undecryptable',
    });
    // Not canonical base64: a space, base64url characters, extra padding.
    for (const bad of [` ${data.slice(1)}`, `-_${data.slice(2)}`, `${data}====`])
      expect(openInviteChannelMessage(bad, key, topic)).toMatchObject({ error: 'malformed' });
  });
});
