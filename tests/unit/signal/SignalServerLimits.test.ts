import { afterEach, describe, expect, it } from 'vitest';
import type { SignalLimits } from '../../../node/signal/SignalLimits.ts';
import { startSignalServer, type SignalServer } from '../../../node/signal/SignalServer.ts';
import { connectClient, waitUntil, type TestClient } from './connectClient.ts';

const isPublish = (m: unknown): boolean => (m as { type?: unknown }).type === 'publish';
const isPong = (m: unknown): boolean => (m as { type?: unknown }).type === 'pong';

describe('SignalServer limits', () => {
  let server: SignalServer | undefined;
  const clients: TestClient[] = [];
  const start = async (limits: Partial<SignalLimits>): Promise<SignalServer> => {
    server = await startSignalServer({ port: 0, limits });
    return server;
  };
  const open = async (opts = {}): Promise<TestClient> => {
    const c = await connectClient(server!.url, opts);
    clients.push(c);
    return c;
  };
  afterEach(async () => {
    for (const c of clients.splice(0)) c.ws.terminate();
    await server?.close();
    server = undefined;
  });

  it('closes a connection that sends a message over maxMessageBytes, relays none of it, and keeps serving', async () => {
    const s = await start({ maxMessageBytes: 1024 });
    const [a, b] = [await open(), await open()];
    a.send({ type: 'subscribe', topics: ['r'] });
    b.send({ type: 'subscribe', topics: ['r'] });
    await Promise.all([a.sync(), b.sync()]);
    a.send({ type: 'publish', topic: 'r', data: 'x'.repeat(2000) });
    expect((await a.closed).code).toBe(1009);
    await b.sync();
    expect(b.received.filter(isPublish)).toHaveLength(0);
    expect(s.stats().closed.oversize).toBe(1);
    // Just under the cap still goes through.
    const c = await open();
    c.send({ type: 'subscribe', topics: ['r'] });
    c.send({ type: 'publish', topic: 'r', data: 'y'.repeat(900) });
    expect(await b.next(isPublish)).toMatchObject({ topic: 'r', data: 'y'.repeat(900) });
  });

  it('drops malformed, non-object and wrongly typed messages, counts them, and survives', async () => {
    const s = await start({ maxTopicLength: 16 });
    const [a, b] = [await open(), await open()];
    b.send({ type: 'subscribe', topics: ['r'] });
    await b.sync();
    const malformed: (string | Uint8Array)[] = [
      '{not json',
      '',
      'null',
      '[]',
      '"publish"',
      '42',
      'true',
      new Uint8Array([0xff, 0xfe, 0x7b, 0x7d]), // binary, not UTF-8
    ];
    const invalid: unknown[] = [
      {},
      { type: 'subscribe' },
      { type: 'subscribe', topics: 'r' },
      { type: 'subscribe', topics: [1] },
      { type: 'subscribe', topics: [''] },
      { type: 'subscribe', topics: ['r'.repeat(17)] },
      { type: 'publish' },
      { type: 'publish', topic: 5 },
      { type: 'publish', topic: ['r'] },
      { type: 'publish', topic: 'r'.repeat(17) },
      { type: 'unsubscribe', topics: null },
      { type: 'teleport', topic: 'r' },
      { type: ['publish'], topic: 'r' },
    ];
    for (const m of malformed) a.send(m);
    for (const m of invalid) a.send(m);
    await a.sync();
    await b.sync();
    expect(b.received.filter(isPublish)).toHaveLength(0);
    expect(s.stats().dropped.malformed).toBe(malformed.length);
    expect(s.stats().dropped.invalid).toBe(invalid.length);
    expect(s.stats().topics).toBe(1);
    // The same connection still works normally.
    a.send({ type: 'publish', topic: 'r', data: 'ok' });
    expect(await b.next(isPublish)).toMatchObject({ data: 'ok' });
  });

  it('refuses a subscribe that would exceed maxTopicsPerConnection, all or nothing', async () => {
    const s = await start({ maxTopicsPerConnection: 4 });
    const [a, b] = [await open(), await open()];
    a.send({ type: 'subscribe', topics: ['t1', 't2', 't3'] });
    a.send({ type: 'subscribe', topics: ['t1', 't4', 't5'] }); // two new: 5 > 4
    a.send({ type: 'subscribe', topics: ['t1', 't2', 't3', 't4', 't5'] }); // over the per-message cap
    await a.sync();
    expect(s.stats().dropped.tooManyTopics).toBe(1);
    expect(s.stats().dropped.invalid).toBe(1);
    expect(s.stats().topics).toBe(3);
    b.send({ type: 'publish', topic: 't4', data: 'no one' });
    b.send({ type: 'publish', topic: 't3', data: 'a' });
    expect(await a.next(isPublish)).toMatchObject({ topic: 't3' });
    expect(a.received.filter(isPublish)).toHaveLength(1);
    // Re-subscribing to held topics is free, and one more still fits.
    a.send({ type: 'subscribe', topics: ['t1', 't2', 't3', 't4'] });
    await a.sync();
    expect(s.stats().topics).toBe(4);
  });

  it('refuses connections beyond maxConnections with HTTP 503 and accepts again once one leaves', async () => {
    const s = await start({ maxConnections: 3 });
    const first = await open();
    await open();
    await open();
    await expect(connectClient(s.url)).rejects.toThrow('http 503');
    expect(s.stats().rejectedConnections).toBe(1);
    first.ws.close();
    await waitUntil(() => s.stats().connections === 2);
    const again = await open();
    await again.sync();
    expect(s.stats().acceptedConnections).toBe(4);
  });

  it('rate-limits each connection with a token bucket and counts what it drops', async () => {
    const s = await start({ ratePerSecond: 10, rateBurst: 20 });
    const [a, b] = [await open(), await open()];
    for (let i = 0; i < 100; i += 1) a.send({ type: 'ping' });
    await waitUntil(() => s.stats().messagesIn === 100);
    // Another connection has its own bucket.
    await b.sync();
    await new Promise((r) => setTimeout(r, 50));
    const pongs = a.received.filter(isPong).length;
    expect(pongs).toBeGreaterThanOrEqual(20);
    expect(pongs).toBeLessThanOrEqual(25);
    expect(s.stats().dropped.rateLimited).toBe(100 - pongs);
    expect(a.ws.readyState).toBe(a.ws.OPEN);
  });

  it('closes a connection that keeps abusing the limits (1008)', async () => {
    const s = await start({ ratePerSecond: 10, rateBurst: 5, abuseDropLimit: 50 });
    const a = await open();
    const b = await open();
    for (let i = 0; i < 200; i += 1) a.send({ type: 'ping' });
    expect((await a.closed).code).toBe(1008);
    expect(s.stats().closed.abuse).toBe(1);
    await b.sync();
  });

  it('terminates connections that stop answering pings, keeps those that do', async () => {
    const s = await start({ heartbeatMs: 100 });
    const silent = await open({ autoPong: false });
    const healthy = await open();
    const t0 = Date.now();
    await silent.closed;
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(s.stats().closed.idle).toBe(1);
    await new Promise((r) => setTimeout(r, 350));
    expect(healthy.ws.readyState).toBe(healthy.ws.OPEN);
    await healthy.sync();
    expect(s.stats().connections).toBe(1);
  });

  it('skips a receiver whose send buffer is full instead of buffering without bound', async () => {
    const s = await start({ maxBufferedBytes: 256 * 1024, rateBurst: 400 });
    const [sender, slow, fast] = [await open(), await open(), await open()];
    slow.send({ type: 'subscribe', topics: ['r'] });
    fast.send({ type: 'subscribe', topics: ['r'] });
    await Promise.all([slow.sync(), fast.sync()]);
    slow.ws.pause(); // stops reading: the kernel buffers fill, then the server's
    const data = 'x'.repeat(100 * 1024);
    for (let i = 0; i < 100; i += 1) sender.send({ type: 'publish', topic: 'r', data });
    await waitUntil(() => fast.received.filter(isPublish).length === 100, 20_000);
    const skipped = s.stats().dropped.backpressure;
    expect(skipped).toBeGreaterThan(0);
    slow.ws.resume();
    await slow.sync();
    expect(slow.received.filter(isPublish)).toHaveLength(100 - skipped);
  });

  it('ignores invalid limit overrides instead of trusting them', async () => {
    const s = await start({ maxMessageBytes: -1, maxConnections: Number.NaN });
    const a = await open();
    a.send({ type: 'subscribe', topics: ['r'] });
    a.send({ type: 'publish', topic: 'r', data: 'z'.repeat(10_000) });
    expect(await a.next(isPublish)).toMatchObject({ topic: 'r' });
    expect(s.stats().dropped.oversize).toBe(0);
  });
});
