import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startSignalServer, type SignalServer } from '../../../node/signal/SignalServer.ts';
import { createNodeTransport } from '../../../node/transport/nodeWebrtc.ts';
import type { Room, RoomStatus } from '../../../shared/transport/Transport.ts';
import { TransportError } from '../../../shared/transport/TransportError.ts';
import { createPeerPool } from './peerProcess.ts';

const PEER = 'tests/integration/transport/peer.ts';
/** Handles every Node process has here (stdio pipes, or a TTY). Anything else is a leak. */
const BASELINE = new Set(['PipeWrap', 'TTYWrap']);

const until = async (check: () => boolean | Promise<boolean>, ms: number): Promise<boolean> => {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return check();
};

describe('close and rejoin', () => {
  const pool = createPeerPool();
  let server: SignalServer;
  beforeEach(async () => {
    server = await startSignalServer({ host: '127.0.0.1', port: 0 });
  });
  afterEach(async () => {
    await pool.closeAll();
    await server.close();
  });

  it('close() releases the rendezvous socket, the peer connection and every handle', async () => {
    const [a, b] = await Promise.all([
      pool.spawn(PEER, { name: 'A' }),
      pool.spawn(PEER, { name: 'B' }),
    ]);
    const join = { signaling: server.url, room: 'closing', password: 'pw' };
    await Promise.all([a.request('join', join), b.request('join', join)]);
    expect((await a.request<{ reached: boolean }>('waitStatus', { peers: 1 })).reached).toBe(true);
    expect(server.stats().connections).toBe(2);

    await a.request('close');
    expect(await until(() => server.stats().connections === 1, 3_000)).toBe(true);
    const bAlone = await b.request<{ reached: boolean }>('waitStatus', { peers: 0, exact: true });
    expect(bAlone.reached).toBe(true);
    // Nothing left that would keep A's process alive: no socket, no BroadcastChannel. (simple-peer
    // leaves a 5 s ICE timer behind, hence the wait.)
    let left: string[] = [];
    const clean = await until(async () => {
      left = (await a.request<{ resources: string[] }>('resources')).resources;
      return left.every((r) => BASELINE.has(r));
    }, 8_000);
    expect(clean, `still active: ${left.join(', ')}`).toBe(true);

    // The same name can be joined again, and syncs.
    await a.request('join', join);
    const written = await b.request<{ entries: number; hash: string }>('put', { key: 'k' });
    const got = await a.request<{ reached: boolean }>('waitFor', { ...written, timeoutMs: 15_000 });
    expect(got.reached).toBe(true);
  });

  it('in one process: typed errors, one room per name, immediate rejoin, doc.destroy() closes', async () => {
    const transport = createNodeTransport();
    const config = { roomName: 'in-process', password: 'pw', signaling: [server.url] };
    const codeOf = (f: () => unknown): string | undefined => {
      try {
        f();
      } catch (e) {
        return e instanceof TransportError ? e.code : 'untyped';
      }
      return undefined;
    };
    const doc = new Y.Doc();
    // y-webrtc's public default rendezvous is never used: no list is an error, not a fallback.
    expect(codeOf(() => transport.join({ ...config, signaling: [] }, doc))).toBe('no_signaling');
    expect(transport.tryJoin({ ...config, signaling: ['https://x'] }, doc)).toMatchObject({
      ok: false,
      error: 'bad_signaling_url',
    });
    expect(transport.tryJoin({ ...config, password: '' }, doc)).toMatchObject({
      ok: false,
      error: 'no_password',
    });
    const stun = [{ urls: 'stun:127.0.0.1:3478' }];
    expect(transport.tryJoin({ ...config, relayOnly: true, iceServers: stun }, doc)).toMatchObject({
      ok: false,
      error: 'relay_only_without_turn',
    });

    const first: Room = transport.join(config, doc);
    expect(codeOf(() => transport.join(config, new Y.Doc()))).toBe('room_already_joined');
    expect(await until(() => first.status().signalingConnected, 5_000)).toBe(true);
    expect(server.stats().connections).toBe(1);

    // Close and rejoin in the same tick: the new room waits for y-webrtc to let go of the name.
    first.close();
    const second = transport.join(config, doc);
    const seen: RoomStatus[] = [];
    second.onStatus((s) => seen.push(s));
    const b = await pool.spawn(PEER, { name: 'B' });
    await b.request('join', { signaling: server.url, room: config.roomName, password: 'pw' });
    expect(await until(() => second.status().peers === 1, 15_000)).toBe(true);
    expect(seen.at(-1)).toEqual({ signalingConnected: true, signalingFailed: false, peers: 1 });
    const written = await b.request<{ entries: number }>('put', { key: 'from-b' });
    expect(await until(() => doc.getMap('wire').size === written.entries, 10_000)).toBe(true);

    // Destroying the doc closes the room properly (y-webrtc alone would skip disconnect()).
    doc.destroy();
    expect(await until(() => server.stats().connections === 1, 3_000)).toBe(true);
    expect(second.status()).toMatchObject({ signalingConnected: false, peers: 0 });
    const third = transport.join(config, new Y.Doc());
    third.close();
  });
});
