import { describe, expect, it } from 'vitest';
import { normaliseRendezvousUrl } from '../../../shared/invite/normaliseRendezvousUrl.ts';

describe('normaliseRendezvousUrl (issue 19 item 13)', () => {
  it('adds ws:// to a literal address and wss:// to a name left without a scheme', () => {
    expect(normaliseRendezvousUrl('127.0.0.1:4490')).toEqual({
      ok: true,
      value: { url: 'ws://127.0.0.1:4490', corrected: true },
    });
    expect(normaliseRendezvousUrl(' localhost:4444/signal ')).toEqual({
      ok: true,
      value: { url: 'ws://localhost:4444/signal', corrected: true },
    });
    expect(normaliseRendezvousUrl('[::1]:4490')).toEqual({
      ok: true,
      value: { url: 'ws://[::1]:4490', corrected: true },
    });
    expect(normaliseRendezvousUrl('Signal.Example.org')).toEqual({
      ok: true,
      value: { url: 'wss://signal.example.org', corrected: true },
    });
  });

  it('leaves a valid URL as it is (canonical), and says nothing changed', () => {
    expect(normaliseRendezvousUrl('wss://signal.example.org')).toEqual({
      ok: true,
      value: { url: 'wss://signal.example.org', corrected: false },
    });
    expect(normaliseRendezvousUrl('WS://127.0.0.1:4490').ok).toBe(true);
  });

  it('keeps other schemes and junk as errors', () => {
    expect(normaliseRendezvousUrl('https://signal.example.org')).toEqual({
      ok: false,
      error: 'bad_scheme',
    });
    expect(normaliseRendezvousUrl('http://127.0.0.1:4490').ok).toBe(false);
    expect(normaliseRendezvousUrl('').ok).toBe(false);
    expect(normaliseRendezvousUrl('user:pw@example.org').ok).toBe(false);
    expect(normaliseRendezvousUrl('127.0.0.1:99999').ok).toBe(false);
    expect(normaliseRendezvousUrl('exa mple.org').ok).toBe(false);
  });
});
