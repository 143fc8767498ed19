import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { confineSignalingConn } from '../../../shared/transport/confineSignalingConn.ts';
import { createSignalingStats } from '../../../shared/transport/SignalingStats.ts';
import type { SignalingConnInternals } from '../../../shared/transport/YWebrtcInternals.ts';

/** A y-webrtc socket with the rooms `mine` as its providers; records what reaches the wire. */
function fakeConn(mine: string[]) {
  const sent: unknown[] = [];
  const emitted: string[] = [];
  const providers = new Set(mine.map((roomName) => ({ roomName })));
  const conn = {
    url: 'ws://x?s=00',
    connected: true,
    unsuccessfulReconnects: 0,
    ws: { readyState: 1 },
    providers,
    send: (m: unknown) => void sent.push(m),
    emit: (name: string, _args: unknown[]) => void emitted.push(name),
    on: () => undefined,
    off: () => undefined,
  } satisfies SignalingConnInternals;
  return { conn, sent, emitted, providers };
}

describe('confineSignalingConn', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("keeps other rooms' subscribes, announces and unsubscribes off this socket", () => {
    const { conn, sent, providers } = fakeConn(['a']);
    const stats = createSignalingStats();
    confineSignalingConn(conn, stats, { resubscribeJitterMs: 0, random: () => 0 });
    conn.send({ type: 'subscribe', topics: ['a', 'b', 'c'] });
    conn.send({ type: 'publish', topic: 'b', data: 'x' });
    conn.send({ type: 'publish', topic: 'a', data: 'y' });
    conn.send({ type: 'unsubscribe', topics: ['b'] });
    // Room a closes: y-webrtc drops the provider first, then unsubscribes; that still goes out.
    providers.clear();
    conn.send({ type: 'unsubscribe', topics: ['a', 'b'] });
    conn.send({ type: 'ping' });
    expect(sent).toEqual([
      { type: 'subscribe', topics: ['a'] },
      { type: 'publish', topic: 'a', data: 'y' },
      { type: 'unsubscribe', topics: ['a'] },
      { type: 'ping' },
    ]);
    expect(stats.confined).toBe(4);
  });

  it('after a reconnect, holds what y-webrtc sends for a random delay, then sends it in order', () => {
    const { conn, sent } = fakeConn(['a']);
    confineSignalingConn(conn, createSignalingStats(), {
      resubscribeJitterMs: 2_000,
      random: () => 0.5,
    });
    conn.emit('connect', []);
    conn.send({ type: 'subscribe', topics: ['a'] });
    expect(sent).toHaveLength(1); // the first connect is not held (the join was delayed)
    conn.emit('disconnect', []);
    conn.emit('connect', []);
    conn.send({ type: 'subscribe', topics: ['a'] });
    conn.send({ type: 'publish', topic: 'a', data: 'announce' });
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(999);
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sent.slice(1)).toEqual([
      { type: 'subscribe', topics: ['a'] },
      { type: 'publish', topic: 'a', data: 'announce' },
    ]);
    // A disconnect while holding drops what was held for the dead socket.
    conn.emit('disconnect', []);
    conn.emit('connect', []);
    conn.send({ type: 'subscribe', topics: ['a'] });
    conn.emit('disconnect', []);
    vi.advanceTimersByTime(5_000);
    expect(sent).toHaveLength(3);
  });
});
