import type { SignalingStats } from './SignalingStats.ts';
import type { SignalingConnInternals } from './YWebrtcInternals.ts';

export interface ConfineOptions {
  /**
   * After a reconnect, whatever y-webrtc sends (its subscribe, then its announces) waits a random
   * time below this, so that sockets dropped together (a server restart) do not subscribe again
   * in the same instant. 0: no wait.
   */
  readonly resubscribeJitterMs: number;
  /** [0, 1). */
  readonly random: () => number;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const stringsOf = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((t): t is string => typeof t === 'string') : [];

const confined = new WeakSet<object>();

/**
 * Keeps one rendezvous socket to the rooms it was opened for (its `providers`; with tagged URLs,
 * exactly one). y-webrtc subscribes every socket of the JS context to every open room, on connect
 * and whenever a room opens, announces every room on every socket, and unsubscribes a closing
 * room everywhere: each of those, on the wrong socket, would tell the operator that two rooms
 * (two cells, or both sides of a key rotation) belong to one installation. Here a subscribe keeps
 * only this socket's topics, a publish for another room's topic is not sent, and an unsubscribe
 * goes only where that topic was subscribed. Installed once per socket, after guardSignalingConn.
 */
export function confineSignalingConn(
  conn: SignalingConnInternals,
  stats: SignalingStats,
  o: ConfineOptions,
): void {
  if (confined.has(conn)) return;
  confined.add(conn);
  const send = conn.send.bind(conn);
  const emit = conn.emit.bind(conn);
  /** Topics subscribed on this socket since it last (re)connected. */
  const subscribed = new Set<string>();
  const held: unknown[] = [];
  let holding: ReturnType<typeof setTimeout> | undefined;
  let connects = 0;

  const mine = (topic: string): boolean => {
    for (const p of conn.providers) if (p.roomName === topic) return true;
    return false;
  };
  const keepOff = (): void => {
    stats.confined += 1;
  };
  const pass = (message: unknown): void => {
    if (holding === undefined) send(message);
    else held.push(message);
  };

  conn.send = (message: unknown): void => {
    if (!isRecord(message)) return pass(message);
    switch (message.type) {
      case 'subscribe': {
        const all = stringsOf(message.topics);
        const topics = all.filter(mine);
        if (topics.length < all.length) keepOff();
        if (topics.length === 0) return;
        for (const t of topics) subscribed.add(t);
        return pass({ ...message, topics });
      }
      case 'unsubscribe': {
        const all = stringsOf(message.topics);
        const topics = all.filter((t) => subscribed.has(t));
        if (topics.length < all.length) keepOff();
        if (topics.length === 0) return;
        for (const t of topics) subscribed.delete(t);
        return pass({ ...message, topics });
      }
      case 'publish':
        if (typeof message.topic !== 'string' || !mine(message.topic)) return keepOff();
        return pass(message);
      default:
        return pass(message);
    }
  };

  const release = (): void => {
    holding = undefined;
    for (const m of held.splice(0)) send(m);
  };
  conn.emit = (name: string, args: unknown[]): void => {
    if (name === 'connect') {
      subscribed.clear();
      connects += 1;
      if (connects > 1 && o.resubscribeJitterMs > 0 && holding === undefined)
        holding = setTimeout(release, Math.floor(o.random() * o.resubscribeJitterMs));
    } else if (name === 'disconnect') {
      // What was held was for the closed socket; the next connect subscribes afresh.
      if (holding !== undefined) clearTimeout(holding);
      holding = undefined;
      held.length = 0;
    }
    emit(name, args);
  };
}
