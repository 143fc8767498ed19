import { describe, expect, it } from 'vitest';
import { createQuireApi, type IpcBridge } from '../../../electron/preload/createQuireApi.ts';
import {
  registerIpcHandlers,
  type IpcHandlers,
  type IpcRegistrar,
} from '../../../electron/main/registerIpcHandlers.ts';
import { ipcContract, LOCK_CHANNEL } from '../../../shared/platform/ipcContract.ts';
import { err, ok } from '../../../shared/util/result.ts';

interface FakeEvent {
  readonly trusted: boolean;
}
type Listener = (event: FakeEvent, ...args: unknown[]) => Promise<unknown>;

/**
 * Preload API and main handlers wired together the way Electron does it: requests and replies
 * cross a structured clone, as over IPC. Only Electron itself is replaced.
 */
const setup = (overrides: Partial<IpcHandlers> = {}) => {
  const calls: { method: string; request: unknown }[] = [];
  const record =
    <T>(method: string, reply: T) =>
    (request: unknown): Promise<T> => {
      calls.push({ method, request });
      return Promise.resolve(reply);
    };
  const handlers: IpcHandlers = {
    info: record('info', ok({ platform: 'linux' as const, version: '0.1.0', electron: '45.4.1' })),
    openExternal: record('openExternal', ok({ opened: true })),
    panicWipe: record('panicWipe', ok({ relaunching: true })),
    setContentProtection: record('setContentProtection', ok({ supported: false })),
    setRelayOnly: record('setRelayOnly', ok({ policy: 'disable_non_proxied_udp' as const })),
    startLanRendezvous: record('startLanRendezvous', ok({ urls: ['ws://192.168.1.2:4444'] })),
    stopLanRendezvous: record('stopLanRendezvous', ok({ stopped: true })),
    printToPdf: record('printToPdf', ok({ pdf: new Uint8Array([37, 80, 68, 70]) })),
    saveFile: record('saveFile', ok({ saved: true })),
    notify: record('notify', ok({ shown: true })),
    ...overrides,
  };
  const registered = new Map<string, Listener>();
  const registrar: IpcRegistrar<FakeEvent> = {
    handle: (channel, listener) => void registered.set(channel, listener),
  };
  registerIpcHandlers(registrar, handlers, (event) => event.trusted);
  let invokes = 0;
  const lockListeners = new Set<(payload: unknown) => void>();
  let trusted = true;
  const bridge: IpcBridge = {
    invoke: async (channel, request) => {
      invokes += 1;
      const listener = registered.get(channel);
      if (listener === undefined) throw new Error('no handler');
      return structuredClone(await listener({ trusted }, structuredClone(request)));
    },
    on: (channel, listener) => {
      if (channel !== LOCK_CHANNEL) throw new Error('unexpected channel');
      lockListeners.add(listener);
      return () => lockListeners.delete(listener);
    },
  };
  return {
    api: createQuireApi(bridge),
    calls,
    registered,
    invokes: () => invokes,
    setTrusted: (t: boolean) => (trusted = t),
    emitLock: (payload: unknown) => lockListeners.forEach((l) => l(payload)),
  };
};

describe('preload API <-> main handlers', () => {
  it('registers exactly one handler per contract channel, all namespaced and distinct', () => {
    const { registered } = setup();
    const channels = Object.values(ipcContract).map((c) => c.channel);
    expect([...registered.keys()].sort()).toEqual([...channels].sort());
    expect(new Set(channels).size).toBe(channels.length);
    for (const c of channels) expect(c).toMatch(/^quire:[a-z-]+$/);
  });

  it('exposes only the narrow methods, no generic invoke', () => {
    const { api } = setup();
    expect(Object.keys(api).sort()).toEqual([...Object.keys(ipcContract), 'onLock'].sort());
  });

  it('carries valid calls through and returns validated results', async () => {
    const { api, calls } = setup();
    expect(await api.setContentProtection(true)).toEqual(ok({ supported: false }));
    expect(await api.startLanRendezvous('0.0.0.0', 4444)).toEqual(
      ok({ urls: ['ws://192.168.1.2:4444'] }),
    );
    const pdf = await api.printToPdf('<p>x</p>', {
      pageSize: 'A4',
      landscape: false,
      printBackground: true,
      marginMm: 10,
    });
    expect(pdf.ok && Array.from(pdf.value.pdf)).toEqual([37, 80, 68, 70]);
    expect(await api.info()).toEqual(
      ok({ platform: 'linux', version: '0.1.0', electron: '45.4.1' }),
    );
    expect(calls.map((c) => c.method)).toEqual([
      'setContentProtection',
      'startLanRendezvous',
      'printToPdf',
      'info',
    ]);
    expect(calls[1]?.request).toEqual({ host: '0.0.0.0', port: 4444 });
  });

  it('carries an export to be saved: name, kind and the bytes, intact across the clone', async () => {
    const { api, calls } = setup();
    const data = new Uint8Array([37, 80, 68, 70, 45, 49]);
    expect(await api.saveFile('Vesti-3.pdf', 'pdf', data)).toEqual(ok({ saved: true }));
    const request = calls[0]?.request as { name: string; kind: string; data: Uint8Array };
    expect([request.name, request.kind, Array.from(request.data)]).toEqual([
      'Vesti-3.pdf',
      'pdf',
      Array.from(data),
    ]);
  });

  it('carries a notification: title and body only, bounded (issue #19 item 7)', async () => {
    const { api, calls } = setup();
    expect(await api.notify('Quire', 'A join request is waiting.')).toEqual(ok({ shown: true }));
    expect(calls).toEqual([
      { method: 'notify', request: { title: 'Quire', body: 'A join request is waiting.' } },
    ]);
  });

  it('the preload refuses bad arguments without sending anything', async () => {
    const { api, invokes } = setup();
    expect(await api.openExternal('https://x.example/' + 'a'.repeat(3000))).toEqual(
      err('invalid-request'),
    );
    expect(await api.openExternal('')).toEqual(err('invalid-request'));
    expect(await api.startLanRendezvous('0.0.0.0', 70000)).toEqual(err('invalid-request'));
    expect(await api.startLanRendezvous('0.0.0.0', 1.5)).toEqual(err('invalid-request'));
    const bad = { pageSize: 'A0', landscape: false, printBackground: true, marginMm: 10 } as never;
    expect(await api.printToPdf('<p/>', bad)).toEqual(err('invalid-request'));
    expect(await api.setRelayOnly('yes' as never)).toEqual(err('invalid-request'));
    const bytes = new Uint8Array([1, 2, 3]);
    expect(await api.saveFile('', 'pdf', bytes)).toEqual(err('invalid-request'));
    expect(await api.saveFile('x'.repeat(121), 'pdf', bytes)).toEqual(err('invalid-request'));
    expect(await api.saveFile('a.exe', 'exe' as never, bytes)).toEqual(err('invalid-request'));
    expect(await api.saveFile('a.pdf', 'pdf', 'text' as never)).toEqual(err('invalid-request'));
    expect(await api.notify('', 'x')).toEqual(err('invalid-request'));
    expect(await api.notify('Quire', 'x'.repeat(201))).toEqual(err('invalid-request'));
    expect(invokes()).toBe(0);
  });

  it('main refuses malformed payloads on its own (a compromised preload gains nothing)', async () => {
    const { registered, calls } = setup();
    const send = (channel: string, payload: unknown) =>
      registered.get(channel)!({ trusted: true }, payload);
    for (const payload of [undefined, null, 'x', [], { on: 'true' }, { on: true, extra: 1 }, {}]) {
      expect(await send(ipcContract.setRelayOnly.channel, payload)).toEqual(err('invalid-request'));
    }
    expect(await send(ipcContract.openExternal.channel, { url: 42 })).toEqual(
      err('invalid-request'),
    );
    expect(await send(ipcContract.panicWipe.channel, { now: true })).toEqual(
      err('invalid-request'),
    );
    expect(calls).toEqual([]);
  });

  it('main answers nobody but the app frame', async () => {
    const { api, calls, setTrusted } = setup();
    setTrusted(false);
    expect(await api.panicWipe()).toEqual(err('untrusted-sender'));
    expect(await api.openExternal('https://example.org/')).toEqual(err('untrusted-sender'));
    expect(calls).toEqual([]);
  });

  it('turns a throwing handler into "failed" and a malformed reply into "invalid-response"', async () => {
    const { api } = setup({
      panicWipe: () => Promise.reject(new Error('disk on fire')),
      setContentProtection: () =>
        Promise.resolve({ ok: true, value: { supported: 'yes' } } as never),
      info: () => Promise.resolve({ ok: false, error: 'made-up' } as never),
    });
    expect(await api.panicWipe()).toEqual(err('failed'));
    expect(await api.setContentProtection(true)).toEqual(err('invalid-response'));
    expect(await api.info()).toEqual(err('invalid-response'));
  });

  it('turns a broken IPC channel into "ipc-failed" instead of rejecting', async () => {
    const api = createQuireApi({
      invoke: () => Promise.reject(new Error('gone')),
      on: () => () => undefined,
    });
    expect(await api.stopLanRendezvous()).toEqual(err('ipc-failed'));
  });

  it('delivers valid lock events only, and unsubscribes', () => {
    const { api, emitLock } = setup();
    const seen: string[] = [];
    const off = api.onLock((reason) => seen.push(reason));
    emitLock({ reason: 'lock-screen' });
    emitLock({ reason: 'reboot' });
    emitLock('suspend');
    emitLock({ reason: 'suspend', extra: true });
    emitLock({ reason: 'suspend' });
    off();
    emitLock({ reason: 'suspend' });
    expect(seen).toEqual(['lock-screen', 'suspend']);
  });
});
