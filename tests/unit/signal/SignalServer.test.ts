import { afterEach, describe, expect, it } from 'vitest';
import { startSignalServer, type SignalServer } from '../../../node/signal/SignalServer.ts';
import { connectClient, waitUntil, type TestClient } from './connectClient.ts';

const isPublish = (m: unknown): boolean => (m as { type?: unknown }).type === 'publish';

describe('SignalServer protocol', () => {
  let server: SignalServer | undefined;
  const clients: TestClient[] = [];
  const open = async (): Promise<TestClient> => {
    const c = await connectClient(server!.url);
    clients.push(c);
    return c;
  };
  afterEach(async () => {
    for (const c of clients.splice(0)) c.ws.terminate();
    await server?.close();
    server = undefined;
  });

  it('listens on an ephemeral port of 127.0.0.1 and answers plain HTTP', async () => {
    server = await startSignalServer({ port: 0 });
    expect(server.host).toBe('127.0.0.1');
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`ws://127.0.0.1:${server.port}`);
    const res = await fetch(`http://127.0.0.1:${server.port}/`);
    expect(await res.text()).toBe('okay');
  });

  it('answers ping with pong', async () => {
    server = await startSignalServer({ port: 0 });
    const a = await open();
    a.send({ type: 'ping' });
    expect(await a.next()).toEqual({ type: 'pong' });
  });

  it('fans a publish out to every subscriber of its topic, without a subscriber count, and no one else', async () => {
    server = await startSignalServer({ port: 0 });
    const [a, b, c] = [await open(), await open(), await open()];
    a.send({ type: 'subscribe', topics: ['t1'] });
    b.send({ type: 'subscribe', topics: ['t1', 't2'] });
    c.send({ type: 'subscribe', topics: ['t2'] });
    await Promise.all([a.sync(), b.sync(), c.sync()]);
    expect(server.stats().topics).toBe(2);

    a.send({ type: 'publish', topic: 't1', data: { to: 'x', sdp: 'opaque' }, extra: 7 });
    // Per-connection order is kept: once c sees this sentinel, a publish to t1 would have come first.
    a.send({ type: 'publish', topic: 't2', data: 'sentinel' });
    const expected = {
      type: 'publish',
      topic: 't1',
      data: { to: 'x', sdp: 'opaque' },
      extra: 7,
    };
    expect(await a.next(isPublish)).toEqual(expected);
    expect(await b.next(isPublish)).toEqual(expected);
    expect(await c.next(isPublish)).toEqual({
      type: 'publish',
      topic: 't2',
      data: 'sentinel',
    });
    expect(c.received.filter(isPublish)).toHaveLength(1);
    // a is not subscribed to t2 (publishing does not subscribe).
    await a.sync();
    expect(a.received.filter(isPublish)).toHaveLength(1);
    expect(server.stats().relayedMessages).toBe(4);
  });

  it('stops delivering after unsubscribe and forgets empty topics', async () => {
    server = await startSignalServer({ port: 0 });
    const [a, b] = [await open(), await open()];
    a.send({ type: 'subscribe', topics: ['room', 'side'] });
    b.send({ type: 'subscribe', topics: ['room', 'side'] });
    await Promise.all([a.sync(), b.sync()]);
    b.send({ type: 'unsubscribe', topics: ['room'] });
    await b.sync();
    a.send({ type: 'publish', topic: 'room', data: 1 });
    a.send({ type: 'publish', topic: 'side', data: 2 });
    expect(await a.next(isPublish)).toEqual({ type: 'publish', topic: 'room', data: 1 });
    expect(await b.next(isPublish)).toEqual({ type: 'publish', topic: 'side', data: 2 });
    expect(b.received.filter(isPublish)).toHaveLength(1);

    a.send({ type: 'unsubscribe', topics: ['room'] });
    await a.sync();
    expect(server.stats().topics).toBe(1);
  });

  it('removes a closed connection from its topics', async () => {
    server = await startSignalServer({ port: 0 });
    const [a, b] = [await open(), await open()];
    a.send({ type: 'subscribe', topics: ['room'] });
    b.send({ type: 'subscribe', topics: ['room'] });
    await Promise.all([a.sync(), b.sync()]);
    b.ws.close();
    await b.closed;
    await waitUntil(() => server!.stats().connections === 1);
    a.send({ type: 'publish', topic: 'room', data: 'x' });
    expect(await a.next(isPublish)).toEqual({ type: 'publish', topic: 'room', data: 'x' });
    a.ws.close();
    await waitUntil(() => server!.stats().connections === 0);
    expect(server.stats().topics).toBe(0);
  });

  it('lets the observer see exactly the bytes each subscriber receives, and nothing else', async () => {
    const seen: string[] = [];
    server = await startSignalServer({
      port: 0,
      observer: (bytes) => seen.push(new TextDecoder().decode(bytes)),
    });
    const [a, b] = [await open(), await open()];
    a.send({ type: 'subscribe', topics: ['r'] });
    b.send({ type: 'subscribe', topics: ['r'] });
    await Promise.all([a.sync(), b.sync()]);
    a.send({ type: 'publish', topic: 'r', data: 'c2VhbGVk' });
    await a.next(isPublish);
    await b.next(isPublish);
    const delivered = [...a.raw, ...b.raw].filter((t) => t.includes('"publish"'));
    expect(seen.sort()).toEqual(delivered.sort());
    expect(seen).toHaveLength(2);
    expect(server.stats().relayedBytes).toBe(seen.reduce((n, s) => n + Buffer.byteLength(s), 0));
  });

  it('close() disconnects clients and frees the port', async () => {
    server = await startSignalServer({ port: 0 });
    const a = await open();
    const port = server.port;
    await server.close();
    server = undefined;
    await a.closed;
    server = await startSignalServer({ port });
    expect(server.port).toBe(port);
  });
});
