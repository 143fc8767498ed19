import { describe, expect, it } from 'vitest';
import { checkRoomConfig } from '../../../shared/transport/checkRoomConfig.ts';
import type { RoomConfig } from '../../../shared/transport/Transport.ts';

const base: RoomConfig = {
  roomName: 'ab'.repeat(32),
  password: 'pw',
  signaling: ['wss://r.example'],
};

describe('checkRoomConfig', () => {
  it('accepts a complete config, with or without TURN-only relaying', () => {
    expect(checkRoomConfig(base).ok).toBe(true);
    expect(checkRoomConfig({ ...base, signaling: ['ws://127.0.0.1:4444', 'wss://x/y'] }).ok).toBe(
      true,
    );
    const turn = [
      { urls: ['stun:s.example', 'turns:t.example:443'], username: 'u', credential: 'c' },
    ];
    expect(checkRoomConfig({ ...base, relayOnly: true, iceServers: turn }).ok).toBe(true);
  });

  it.each<[string, Partial<RoomConfig>, string]>([
    [
      'no rendezvous list (y-webrtc would use its public default)',
      { signaling: [] },
      'no_signaling',
    ],
    ['an http URL', { signaling: ['https://r.example'] }, 'bad_signaling_url'],
    ['a URL with spaces', { signaling: ['wss://r.example/a b'] }, 'bad_signaling_url'],
    ['no password (signaling in clear)', { password: '' }, 'no_password'],
    ['an empty room name', { roomName: '' }, 'bad_room_name'],
    ['a room name above the server topic limit', { roomName: 'x'.repeat(129) }, 'bad_room_name'],
    [
      'relay-only with no TURN server',
      { relayOnly: true, iceServers: [{ urls: 'stun:s' }] },
      'relay_only_without_turn',
    ],
  ])('refuses %s', (_label, change, error) => {
    expect(checkRoomConfig({ ...base, ...change })).toMatchObject({ ok: false, error });
  });
});
