import { describe, expect, it } from 'vitest';
import { decodeInviteRoomMessage } from '../../../shared/invite/decodeInviteRoomMessage.ts';
import { encodeInviteRoomMessage } from '../../../shared/invite/encodeInviteRoomMessage.ts';
import { MAX_INVITE_ROOM_FRAME_BYTES } from '../../../shared/invite/InviteRoomMessage.ts';

describe('invite room frames', () => {
  it('round-trips each kind', () => {
    const cases = [
      { kind: 'join_request', body: new Uint8Array(296).fill(1) },
      { kind: 'notice', body: new Uint8Array(66).fill(2) },
      { kind: 'welcome', body: new Uint8Array(1072).fill(3) },
    ] as const;
    for (const m of cases) {
      const frame = encodeInviteRoomMessage(m);
      expect(frame.subarray(0, 2)).toEqual(
        new Uint8Array([1, { join_request: 1, notice: 2, welcome: 3 }[m.kind]]),
      );
      expect(decodeInviteRoomMessage(frame)).toEqual({ ok: true, value: m });
    }
  });

  it('refuses oversize, unknown version or kind, and wrong fixed sizes', () => {
    expect(decodeInviteRoomMessage(new Uint8Array(MAX_INVITE_ROOM_FRAME_BYTES + 1))).toEqual({
      ok: false,
      error: 'too_large',
    });
    expect(decodeInviteRoomMessage(new Uint8Array([1]))).toMatchObject({ error: 'malformed' });
    expect(decodeInviteRoomMessage(new Uint8Array([2, 1]))).toEqual({
      ok: false,
      error: 'unsupported_version',
    });
    expect(decodeInviteRoomMessage(new Uint8Array([1, 4, 0]))).toMatchObject({
      error: 'malformed',
    });
    expect(decodeInviteRoomMessage(new Uint8Array([1, 0, 0]))).toMatchObject({
      error: 'malformed',
    });
    const shortRequest = encodeInviteRoomMessage({
      kind: 'join_request',
      body: new Uint8Array(295),
    });
    expect(decodeInviteRoomMessage(shortRequest)).toMatchObject({ error: 'malformed' });
    const longNotice = encodeInviteRoomMessage({ kind: 'notice', body: new Uint8Array(67) });
    expect(decodeInviteRoomMessage(longNotice)).toMatchObject({ error: 'malformed' });
  });
});
