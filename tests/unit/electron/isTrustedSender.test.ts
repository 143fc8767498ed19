import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, isAppUrl } from '../../../electron/main/policy/appOrigin.ts';
import { isTrustedSender } from '../../../electron/main/policy/isTrustedSender.ts';

describe('isAppUrl', () => {
  it('accepts only the app origin', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('app://quire/')).toBe(true);
    expect(isAppUrl('app://quire/index.html#/drafts')).toBe(true);
    for (const url of [
      'app://quire',
      'app://quire.evil/',
      'app://quire:1/',
      'app://x@quire/',
      'app://evil/',
      'https://quire/',
      'file:///index.html',
      'data:text/html,x',
      'about:blank',
      '',
    ]) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });
});

describe('isTrustedSender', () => {
  const good = { url: 'app://quire/index.html', isTopFrame: true, fromMainWindow: true };
  it('trusts the main window top frame at app://quire/', () => {
    expect(isTrustedSender(good)).toBe(true);
  });
  it('refuses iframes, other windows, gone frames and other origins', () => {
    expect(isTrustedSender({ ...good, isTopFrame: false })).toBe(false);
    expect(isTrustedSender({ ...good, fromMainWindow: false })).toBe(false);
    expect(isTrustedSender({ ...good, url: undefined })).toBe(false);
    expect(isTrustedSender({ ...good, url: 'https://evil.example/' })).toBe(false);
    expect(isTrustedSender({ ...good, url: 'data:text/html,hi' })).toBe(false);
  });
});
