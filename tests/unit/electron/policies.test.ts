import { describe, expect, it } from 'vitest';
import { contentProtectionSupported } from '../../../electron/main/policy/contentProtectionSupported.ts';
import { genericUserAgent } from '../../../electron/main/policy/genericUserAgent.ts';
import { isAllowedRequestUrl } from '../../../electron/main/policy/isAllowedRequestUrl.ts';
import { mimeTypeFor } from '../../../electron/main/policy/mimeTypeFor.ts';
import { isPermissionGranted } from '../../../electron/main/policy/permissionPolicy.ts';
import { webRtcIpPolicy } from '../../../electron/main/policy/webRtcIpPolicy.ts';

describe('small main-process policies', () => {
  it('webRtcIpPolicy: public interface only by default, no non-proxied UDP in relay-only mode', () => {
    expect(webRtcIpPolicy(false)).toBe('default_public_interface_only');
    expect(webRtcIpPolicy(true)).toBe('disable_non_proxied_udp');
  });

  it('contentProtectionSupported: macOS and Windows only', () => {
    expect(contentProtectionSupported('darwin')).toBe(true);
    expect(contentProtectionSupported('win32')).toBe(true);
    expect(contentProtectionSupported('linux')).toBe(false);
    expect(contentProtectionSupported('freebsd')).toBe(false);
  });

  it('isPermissionGranted: denies every permission Electron can ask about', () => {
    for (const p of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'clipboard-sanitized-write',
      'display-capture',
      'hid',
      'usb',
      'serial',
      'openExternal',
      'fullscreen',
      'pointerLock',
      'local-fonts',
      'unknown',
    ]) {
      expect(isPermissionGranted(p), p).toBe(false);
    }
  });

  it('isAllowedRequestUrl: app, websockets, data and blob only', () => {
    for (const url of [
      'app://quire/a.js',
      'ws://127.0.0.1:4444',
      'wss://r.example',
      'data:image/png;base64,AA',
      'blob:app://quire/x',
    ]) {
      expect(isAllowedRequestUrl(url), url).toBe(true);
    }
    for (const url of [
      'https://tracker.example/p.gif',
      'http://x',
      'file:///etc/passwd',
      'ftp://x',
      'chrome://gpu',
      'nocolon',
      ':x',
    ]) {
      expect(isAllowedRequestUrl(url), url).toBe(false);
    }
  });

  it('mimeTypeFor: known types by extension, opaque bytes otherwise', () => {
    expect(mimeTypeFor('/a/index.html')).toBe('text/html; charset=utf-8');
    expect(mimeTypeFor('/a/x.JS')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('/a/sodium.wasm')).toBe('application/wasm');
    expect(mimeTypeFor('/a/f.woff2')).toBe('font/woff2');
    expect(mimeTypeFor('/a/noext')).toBe('application/octet-stream');
    expect(mimeTypeFor('/a/x.exe')).toBe('application/octet-stream');
  });

  it('genericUserAgent: removes the app and Electron tokens only', () => {
    const ua =
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) quire/0.1.0 Chrome/140.0.7339.249 Electron/45.4.1 Safari/537.36';
    expect(genericUserAgent(ua, 'quire')).toBe(
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.7339.249 Safari/537.36',
    );
    expect(genericUserAgent(ua.replace('quire/', 'Quire/'), 'quire')).not.toMatch(
      /quire|electron/i,
    );
  });
});
