import { describe, expect, it } from 'vitest';
import {
  describeExternalUrl,
  isSafeExternalUrl as mainCheck,
} from '../../../electron/main/policy/isSafeExternalUrl.ts';
import { isSafeExternalUrl as rendererCheck } from '../../../shared/platform/isSafeExternalUrl.ts';

// The main-process and the renderer copies of the rule must agree on every case.
describe.each([
  ['main', mainCheck],
  ['renderer', rendererCheck],
])('isSafeExternalUrl (%s)', (_where, isSafeExternalUrl) => {
  it.each([
    'https://example.org',
    'https://example.org/a/b?c=d#e',
    'HTTPS://Example.org/',
    'https://xn--80ak6aa92e.com/',
  ])('accepts %s', (url) => expect(isSafeExternalUrl(url)).toBe(true));

  it.each([
    ['http', 'http://example.org'],
    ['file', 'file:///etc/passwd'],
    ['javascript', 'javascript:alert(1)'],
    ['data', 'data:text/html,<script>alert(1)</script>'],
    ['smb', 'smb://host/share'],
    ['custom handler', 'ms-msdt:/id PCWDiagnostic'],
    ['app origin', 'app://quire/index.html'],
    ['credentials', 'https://bank.example@evil.example/'],
    ['password', 'https://user:pw@evil.example/'],
    ['leading space', ' https://example.org'],
    ['newline', 'https://exa\nmple.org'],
    ['tab', 'https://example.org/\tx'],
    ['NUL', 'https://example.org/\0'],
    ['single slash', 'https:/example.org'],
    ['no slashes', 'https:example.org'],
    ['backslashes', 'https:\\\\example.org'],
    ['empty', ''],
    ['garbage', 'not a url'],
    ['too long', `https://example.org/${'a'.repeat(2100)}`],
  ])('rejects %s', (_name, url) => {
    expect(isSafeExternalUrl(url)).toBe(false);
  });
});

describe('describeExternalUrl', () => {
  it('shows the dialog the punycode host, so look-alike domains are visible', () => {
    // Cyrillic "а" and "р" look like Latin "a" and "p".
    const { host, href } = describeExternalUrl('https://\u0430\u0440\u0440le.com/login');
    expect(host).toMatch(/^xn--[a-z0-9-]+\.com$/);
    expect(href).toBe(`https://${host}/login`);
    expect(describeExternalUrl('https://example.org/a').host).toBe('example.org');
  });
});
