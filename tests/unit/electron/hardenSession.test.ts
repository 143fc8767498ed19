import type { Session } from 'electron';
import { describe, expect, it } from 'vitest';
import { hardenSession } from '../../../electron/main/hardenSession.ts';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/policy/contentSecurityPolicy.ts';

type Fn = (...args: never[]) => unknown;

/** Records what hardenSession installs on a session, then drives each handler like Electron would. */
const recordingSession = () => {
  const installed = new Map<string, Fn>();
  const calls: [string, unknown][] = [];
  const setter = (name: string) => (value: unknown) => {
    if (typeof value === 'function') installed.set(name, value as Fn);
    else calls.push([name, value]);
  };
  const session = {
    setPermissionRequestHandler: setter('permissionRequest'),
    setPermissionCheckHandler: setter('permissionCheck'),
    setDevicePermissionHandler: setter('devicePermission'),
    setDisplayMediaRequestHandler: setter('displayMedia'),
    setBluetoothPairingHandler: setter('bluetooth'),
    setSpellCheckerEnabled: setter('spellChecker'),
    setUserAgent: setter('userAgent'),
    on: (event: string, listener: Fn) => installed.set(`on:${event}`, listener),
    webRequest: {
      onBeforeRequest: setter('beforeRequest'),
      onHeadersReceived: setter('headersReceived'),
    },
  };
  return { session: session as unknown as Session, installed, calls };
};

describe('hardenSession', () => {
  const { session, installed, calls } = recordingSession();
  hardenSession(session, { userAgent: 'Mozilla/5.0 Chrome/140' });
  const get = (name: string): Fn => {
    const fn = installed.get(name);
    if (fn === undefined) throw new Error(`${name} not installed`);
    return fn;
  };
  const call = (name: string, ...args: unknown[]): unknown =>
    (get(name) as (...a: unknown[]) => unknown)(...args);

  it('denies every permission request and check, devices, screen capture and pairing', () => {
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
    ]) {
      let granted: boolean | undefined;
      call('permissionRequest', {}, permission, (g: boolean) => (granted = g), {});
      expect(granted, permission).toBe(false);
      expect(call('permissionCheck', null, permission, 'app://quire', {}), permission).toBe(false);
    }
    expect(call('devicePermission', { deviceType: 'usb' })).toBe(false);
    let streams: unknown = 'unset';
    call('displayMedia', {}, (s: unknown) => (streams = s));
    expect(streams).toBeNull();
    let pairing: unknown;
    call('bluetooth', {}, (r: unknown) => (pairing = r));
    expect(pairing).toEqual({ confirmed: false });
  });

  it('cancels downloads, turns the spellchecker off, sets the generic user agent', () => {
    let prevented = false;
    call('on:will-download', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    expect(calls).toContainEqual(['spellChecker', false]);
    expect(calls).toContainEqual(['userAgent', 'Mozilla/5.0 Chrome/140']);
  });

  it('lets only allow-listed requests through and forces the CSP onto every response', () => {
    const decide = (url: string): unknown => {
      let out: unknown;
      call('beforeRequest', { url }, (r: unknown) => (out = r));
      return out;
    };
    expect(decide('app://quire/index.html')).toEqual({ cancel: false });
    expect(decide('wss://rendezvous.example/')).toEqual({ cancel: false });
    expect(decide('https://tracker.example/pixel.gif')).toEqual({ cancel: true });
    expect(decide('file:///etc/passwd')).toEqual({ cancel: true });
    let headers: Record<string, string[]> = {};
    call(
      'headersReceived',
      { responseHeaders: { 'content-security-policy': ['default-src *'] } },
      (r: { responseHeaders: Record<string, string[]> }) => (headers = r.responseHeaders),
    );
    expect(headers).toMatchObject({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
    expect(headers).not.toHaveProperty('content-security-policy');
  });
});
