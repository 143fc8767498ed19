import { toBase64 } from 'lib0/buffer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { SignalingConn } from 'y-webrtc';
import { startSignalServer, type SignalServer } from '../../../node/signal/SignalServer.ts';
import { GuardedWebSocket } from '../../../node/transport/GuardedWebSocket.ts';
import { guardSignalingConn } from '../../../shared/transport/guardSignalingConn.ts';
import { openSignalPayload } from '../../../shared/transport/openSignalPayload.ts';
import { createSignalingStats } from '../../../shared/transport/SignalingStats.ts';
import { webSubtle } from '../../../shared/transport/SubtleAesGcm.ts';
import type {
  RoomInternals,
  SignalingConnInternals,
} from '../../../shared/transport/YWebrtcInternals.ts';

interface YWebrtcCrypto {
  deriveKey(secret: string, roomName: string): PromiseLike<CryptoKey>;
  encryptJson(data: unknown, key: CryptoKey): PromiseLike<Uint8Array>;
}
const cryptoModule: string = '../../../node_modules/y-webrtc/src/crypto.js';
const ycrypto = (await import(cryptoModule)) as YWebrtcCrypto;

const TOPIC = 'guarded-topic';
const key = await ycrypto.deriveKey('pw', TOPIC);
const wrongKey = await ycrypto.deriveKey('wrong', TOPIC);
const seal = async (payload: unknown, k = key): Promise<string> =>
  toBase64(await ycrypto.encryptJson(payload, k));

const until = async (check: () => boolean, ms = 5_000): Promise<boolean> => {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  return check();
};

async function client(url: string): Promise<{ ws: WebSocket; got: Record<string, unknown>[] }> {
  const ws = new WebSocket(url);
  const got: Record<string, unknown>[] = [];
  ws.on('message', (d: Buffer) => got.push(JSON.parse(d.toString()) as Record<string, unknown>));
  await new Promise((r) => ws.once('open', r));
  return { ws, got };
}

describe('guardSignalingConn on a real y-webrtc SignalingConn', () => {
  let server: SignalServer;
  let conn: SignalingConnInternals;
  const stats = createSignalingStats();
  const passed: Record<string, unknown>[] = [];
  // Our room as y-webrtc holds it: peer id "m", one connection (to "k").
  const room: RoomInternals = {
    name: TOPIC,
    peerId: 'm',
    key,
    webrtcConns: new Map([
      ['k', { connected: false, peer: { on: () => undefined, destroy: () => undefined } }],
    ]),
    mux: (f) => f(),
  };

  beforeAll(async () => {
    (globalThis as { WebSocket?: unknown }).WebSocket ??= GuardedWebSocket;
    server = await startSignalServer({ port: 0 });
    conn = new SignalingConn(server.url);
    guardSignalingConn(conn, (t) => (t === TOPIC ? room : undefined), stats, webSubtle());
    conn.on('message', (m) => passed.push(m as Record<string, unknown>));
    expect(await until(() => conn.connected)).toBe(true);
    conn.send({ type: 'subscribe', topics: [TOPIC] });
    await new Promise((r) => setTimeout(r, 100));
  });
  afterAll(async () => {
    (conn as unknown as { destroy(): void }).destroy();
    await server.close();
  });

  it('passes what y-webrtc can act on, in order, and keeps back the rest', async () => {
    const stranger = await client(server.url);
    const observer = await client(server.url);
    observer.ws.send(JSON.stringify({ type: 'subscribe', topics: [TOPIC] }));
    const offer = (from: string, to: string): unknown => ({
      type: 'signal',
      from,
      to,
      token: 1,
      signal: { type: 'offer', sdp: 'v=0' },
    });
    const answer = { ...(offer('q', 'm') as object), signal: { type: 'answer', sdp: 'v=0' } };
    const publish = (data: unknown): void =>
      stranger.ws.send(JSON.stringify({ type: 'publish', topic: TOPIC, data }));
    const sends = [
      await seal({ type: 'announce', from: 'z' }), // higher id: we initiate
      await seal({ type: 'announce', from: 'a' }), // lower id: they do; we answer with ours
      await seal(offer('z', 'm')),
      await seal(offer('z', 'someone-else')), // not for us
      await seal(answer), // answer from a peer we never offered to
      await seal({ type: 'announce', from: 'y' }, wrongKey),
      'AAAA',
      12345,
      await seal({ type: 'signal', from: 'z', to: 'm' }), // no `signal`: y-webrtc would throw
    ];
    for (const data of sends) publish(data);
    // Another room's topic (a plain provider sharing the socket): passed on unchecked, and
    // y-webrtc, holding no room by that name, ignores it.
    conn.send({ type: 'subscribe', topics: ['elsewhere'] });
    await new Promise((r) => setTimeout(r, 100));
    stranger.ws.send(JSON.stringify({ type: 'publish', topic: 'elsewhere', data: 'AAAA' }));
    stranger.ws.send('{"type":"pong"}'); // not a publish: the server drops it, nothing to see

    expect(await until(() => stats.dropped.invalid === 1)).toBe(true);
    const payloads = await Promise.all(
      passed
        .filter((m) => m.type === 'publish' && m.topic === TOPIC)
        .map(async (m) => (await openSignalPayload(m.data, key, webSubtle())).ok && m.data),
    );
    expect(payloads).toEqual([sends[0], sends[2]]);
    expect(await until(() => stats.foreign === 1)).toBe(true);
    expect(passed.filter((m) => m.topic === 'elsewhere')).toHaveLength(1);
    expect(stats.handlerErrors).toBe(0);
    expect(stats).toMatchObject({
      passed: 2,
      announcesDeferred: 1,
      dropped: {
        unexpected_answer: 1,
        undecryptable: 1,
        bad_encoding: 1,
        malformed: 1,
        invalid: 1,
      },
    });

    // Our reply to the lower peer's announce: a sealed announce from "m" on the topic.
    expect(await until(() => stats.announcesSent === 1)).toBe(true);
    const fromUs = async (): Promise<boolean> => {
      for (const m of observer.got) {
        const opened = await openSignalPayload(m.data, key, webSubtle());
        if (opened.ok && opened.value.type === 'announce' && opened.value.from === 'm') return true;
      }
      return false;
    };
    let replied = false;
    for (let i = 0; i < 50 && !replied; i++) {
      replied = await fromUs();
      if (!replied) await new Promise((r) => setTimeout(r, 50));
    }
    expect(replied).toBe(true);
    // Ignored: the offer to someone else, and the echo of our own reply.
    expect(await until(() => stats.ignored === 2)).toBe(true);
    expect(stats.passed).toBe(2);
    stranger.ws.close();
    observer.ws.close();
  });

  it('answers every lower-id announce: one at once, later ones at the end of the window', async () => {
    await new Promise((r) => setTimeout(r, 1_100)); // let the previous test's window pass
    const stranger = await client(server.url);
    const before = stats.announcesSent;
    for (const from of ['c', 'd'])
      stranger.ws.send(
        JSON.stringify({
          type: 'publish',
          topic: TOPIC,
          data: await seal({ type: 'announce', from }),
        }),
      );
    expect(await until(() => stats.announcesSent === before + 1, 500)).toBe(true);
    // Dropping the second would leave "d" never initiating (and nobody else would).
    expect(await until(() => stats.announcesSent === before + 2, 2_000)).toBe(true);
    stranger.ws.close();
  });

  it('send() while the socket is still connecting is skipped, not thrown', () => {
    const fresh = new SignalingConn(server.url) as unknown as SignalingConnInternals & {
      destroy(): void;
    };
    const local = createSignalingStats();
    guardSignalingConn(fresh, () => undefined, local, webSubtle());
    expect(() => fresh.send({ type: 'subscribe', topics: [TOPIC] })).not.toThrow();
    expect(local.sendSkipped).toBe(1);
    fresh.destroy();
  });
});
