import { describe, expect, it } from 'vitest';
import {
  MAX_RENDEZVOUS_URLS,
  parseRendezvousUrls,
  signalUrlsFromQuery,
} from '../../../renderer/shell/parseRendezvousUrls.ts';

describe('parseRendezvousUrls', () => {
  it('accepts one URL per line, canonicalised and de-duplicated', () => {
    expect(
      parseRendezvousUrls(
        'wss://Rendezvous.Example.org\n ws://127.0.0.1:4444 \nWSS://rendezvous.example.org',
      ),
    ).toEqual({
      ok: true,
      urls: ['wss://rendezvous.example.org', 'ws://127.0.0.1:4444'],
    });
    expect(parseRendezvousUrls('ws://a.example, ws://b.example')).toEqual({
      ok: true,
      urls: ['ws://a.example', 'ws://b.example'],
    });
  });

  it('requires at least one URL: there is no public default', () => {
    expect(parseRendezvousUrls('')).toEqual({ ok: false, error: 'none' });
    expect(parseRendezvousUrls(' \n\t ')).toEqual({ ok: false, error: 'none' });
  });

  it('names the first invalid entry', () => {
    for (const bad of [
      'https://example.org',
      'ws://user:pw@example.org',
      'example.org',
      'ws://exa mple.org',
    ]) {
      const parsed = parseRendezvousUrls(`ws://ok.example\n${bad}`);
      expect(parsed.ok, bad).toBe(false);
      if (!parsed.ok) expect(parsed.error, bad).toBe('invalid');
    }
    expect(parseRendezvousUrls('ws://ok.example\nhttps://x.example')).toEqual({
      ok: false,
      error: 'invalid',
      line: 'https://x.example',
    });
  });

  it('caps the count and the input size', () => {
    const many = Array.from(
      { length: MAX_RENDEZVOUS_URLS + 1 },
      (_, i) => `ws://h${i}.example`,
    ).join('\n');
    expect(parseRendezvousUrls(many)).toEqual({ ok: false, error: 'too_many' });
    expect(parseRendezvousUrls('ws://a.example '.repeat(400))).toEqual({
      ok: false,
      error: 'too_long',
    });
  });
});

describe('signalUrlsFromQuery', () => {
  it('keeps only valid ?signal= values', () => {
    expect(
      signalUrlsFromQuery(
        '?signal=ws://127.0.0.1:4444&signal=javascript:alert(1)&signal=wss://r.example&room=x',
      ),
    ).toEqual(['ws://127.0.0.1:4444', 'wss://r.example']);
    expect(signalUrlsFromQuery('?lang=en')).toEqual([]);
  });
});
