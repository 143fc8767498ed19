import { afterEach, describe, expect, it } from 'vitest';
import { LanRendezvous } from '../../../electron/main/LanRendezvous.ts';
import { err } from '../../../shared/util/result.ts';
import { connectClient } from '../signal/connectClient.ts';

describe('LanRendezvous', () => {
  const lan = new LanRendezvous();
  afterEach(async () => {
    await lan.stop();
  });

  it('starts a real rendezvous server and returns its URL, and stop closes it', async () => {
    const started = await lan.start('127.0.0.1', 0);
    expect(started.ok).toBe(true);
    if (!started.ok) return;
    const [url] = started.value.urls;
    expect(url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
    const client = await connectClient(url!);
    await client.sync();
    expect(await lan.stop()).toBe(true);
    await client.closed;
    await expect(connectClient(url!)).rejects.toThrow();
    expect(await lan.stop()).toBe(false);
  });

  it('refuses hosts that are not loopback, a wildcard or this machine', async () => {
    for (const host of ['8.8.8.8', 'example.org', '127.0.0.2', 'localhost']) {
      expect(await lan.start(host, 0)).toEqual(err('bad-host'));
    }
  });

  it('reports a port it cannot take as listen-failed', async () => {
    const first = await lan.start('127.0.0.1', 0);
    if (!first.ok) throw new Error('first start failed');
    const port = Number(new URL(first.value.urls[0]!).port);
    const other = new LanRendezvous();
    expect(await other.start('127.0.0.1', port)).toEqual(err('listen-failed'));
  });

  it('replaces a running server on restart and never leaks one under concurrent calls', async () => {
    const [a, b] = await Promise.all([lan.start('127.0.0.1', 0), lan.start('127.0.0.1', 0)]);
    if (!a.ok || !b.ok) throw new Error('start failed');
    const urlA = a.value.urls[0]!;
    const urlB = b.value.urls[0]!;
    expect(urlA).not.toBe(urlB);
    await expect(connectClient(urlA)).rejects.toThrow();
    const client = await connectClient(urlB);
    await client.sync();
    client.ws.terminate();
  });
});
