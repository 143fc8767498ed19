import { describe, expect, it } from 'vitest';
import { validateRendezvousUrl } from '../../../shared/invite/validateRendezvousUrl.ts';
import { validateIceServer } from '../../../shared/invite/validateIceServer.ts';

describe('validateRendezvousUrl', () => {
  it.each([
    ['wss://signal.example.org', 'wss://signal.example.org'],
    ['WSS://Signal.Example.ORG:443/quire/ws', 'wss://signal.example.org:443/quire/ws'],
    ['ws://127.0.0.1:4444', 'ws://127.0.0.1:4444'],
    ['ws://[::1]:4444/', 'ws://[::1]:4444/'],
    ['wss://localhost/a%20b', 'wss://localhost/a%20b'],
  ])('accepts %s as %s', (url, canonical) => {
    expect(validateRendezvousUrl(url)).toEqual({ ok: true, value: canonical });
  });

  it.each([
    ['https://signal.example.org', 'bad_scheme'],
    ['javascript:alert(1)', 'bad_scheme'],
    ['signal.example.org', 'bad_scheme'],
    [' wss://signal.example.org', 'bad_scheme'],
    ['wss://user:pw@signal.example.org', 'credentials'],
    ['wss://user@signal.example.org', 'credentials'],
    ['wss://', 'too_long'],
    [`wss://${'a'.repeat(60)}.${'b'.repeat(60)}.example.org`, 'too_long'],
    ['wss://sig nal.example.org', 'bad_host'],
    ['wss://-bad.example.org', 'bad_host'],
    ['wss://256.1.1.1', 'bad_host'],
    ['wss://exa_mple.org', 'bad_host'],
    ['wss://signal.example.org:0', 'bad_port'],
    ['wss://signal.example.org:65536', 'bad_port'],
    ['wss://signal.example.org:', 'bad_port'],
    ['wss://signal.example.org/?room=1', 'bad_path'],
    ['wss://signal.example.org/#x', 'bad_path'],
    ['wss://signal.example.org/%zz', 'bad_path'],
    ['wss://signal.example.org/a\\b', 'bad_path'],
  ])('refuses %s (%s)', (url, error) => {
    expect(validateRendezvousUrl(url)).toMatchObject({ ok: false, error });
  });
});

describe('validateIceServer', () => {
  it('accepts STUN and TURN servers with printable credentials', () => {
    expect(validateIceServer({ urls: ['stun:stun.example.org:3478'] }).ok).toBe(true);
    expect(
      validateIceServer({
        urls: ['turn:[2001:db8::1]:3478?transport=udp', 'turns:turn.example.org'],
        username: 'alice',
        credential: 's3cr3t!',
      }).ok,
    ).toBe(true);
  });

  it.each([
    { urls: [] },
    { urls: ['https://turn.example.org'] },
    { urls: ['turn:turn.example.org?transport=quic'] },
    { urls: ['stun:a', 'stun:b', 'stun:c', 'stun:d', 'stun:e'] },
    { urls: [`stun:${'a'.repeat(300)}`] },
    { urls: ['turn:turn.example.org'], username: '' },
    { urls: ['turn:turn.example.org'], credential: 'two words' },
  ])('refuses %j', (server) => {
    expect(validateIceServer(server).ok).toBe(false);
  });
});
