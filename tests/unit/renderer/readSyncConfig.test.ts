import { describe, expect, it } from 'vitest';
import { readSyncConfig } from '../../../renderer/sync/readSyncConfig.ts';

const error = (search: string): string | undefined => {
  const result = readSyncConfig(search);
  return result.ok ? undefined : result.error;
};

describe('readSyncConfig', () => {
  it('reads several rendezvous servers, the room, the secret and STUN servers', () => {
    const result = readSyncConfig(
      '?signal=ws://127.0.0.1:4444&signal=wss://rv.example.org/s&room=cell-1&secret=s3cret&ice=stun:stun.example.org:3478',
    );
    expect(result).toEqual({
      ok: true,
      value: {
        signaling: ['ws://127.0.0.1:4444', 'wss://rv.example.org/s'],
        room: 'cell-1',
        password: 's3cret',
        iceServers: ['stun:stun.example.org:3478'],
      },
    });
  });

  it('never connects without an explicit rendezvous server and room', () => {
    expect(error('')).toBe('no-signal');
    expect(error('?room=cell-1')).toBe('no-signal');
    expect(error('?signal=ws://127.0.0.1:4444')).toBe('no-room');
  });

  it('always sets a password, derived from the room when none is given', () => {
    const result = readSyncConfig('?signal=ws://127.0.0.1:4444&room=cell-1');
    expect(result.ok && result.value.password).toBe('quire-dev/cell-1');
    expect(result.ok && result.value.iceServers).toEqual([]);
  });

  it('rejects anything that is not a plain ws/wss URL', () => {
    expect(error('?signal=https://example.org&room=a')).toBe('bad-signal');
    expect(error('?signal=javascript:alert(1)&room=a')).toBe('bad-signal');
    expect(error('?signal=ws://user:pw@example.org&room=a')).toBe('bad-signal');
    expect(error('?signal=not a url&room=a')).toBe('bad-signal');
    expect(error(`?signal=ws://${'a'.repeat(600)}.org&room=a`)).toBe('bad-signal');
  });

  it('rejects bad rooms, secrets and STUN servers', () => {
    const base = '?signal=ws://127.0.0.1:4444';
    expect(error(`${base}&room=`)).toBe('bad-room');
    expect(error(`${base}&room=a/b`)).toBe('bad-room');
    expect(error(`${base}&room=${'r'.repeat(129)}`)).toBe('bad-room');
    expect(error(`${base}&room=a&secret=`)).toBe('bad-secret');
    expect(error(`${base}&room=a&ice=turn:x.org`)).toBe('bad-ice');
    expect(error(`${base}&room=a&ice=stun:x.org/../y`)).toBe('bad-ice');
  });

  it('reads no further than its size cap', () => {
    const padding = `&x=${'p'.repeat(5000)}`;
    expect(error(`?signal=ws://127.0.0.1:4444${padding}&room=a`)).toBe('no-room');
  });
});
