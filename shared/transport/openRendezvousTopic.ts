import type { Scheduler } from '../sync/Scheduler.ts';
import type { SignalingSocket, SignalingSockets } from './SignalingSocket.ts';

/**
 * Why a message from a rendezvous socket was dropped before anyone parsed its payload:
 * not_text (a binary frame), oversize (above maxMessageChars: never parsed), malformed (not JSON,
 * not an object, or a `publish` without a string `data`), unexpected (a type the y-webrtc
 * signaling protocol never sends to a client), other_topic (a topic we did not subscribe to).
 */
export type TopicDrop = 'not_text' | 'oversize' | 'malformed' | 'unexpected' | 'other_topic';

export interface RendezvousTopicOptions {
  readonly sockets: SignalingSockets;
  /** One socket per URL; every message is published on each open one. */
  readonly urls: readonly string[];
  readonly topic: string;
  readonly scheduler: Scheduler;
  /** [0, 1): jitter of reconnect delays. */
  readonly random: () => number;
  /** Longest raw message (in UTF-16 code units) that is parsed at all. */
  readonly maxMessageChars: number;
  /** The `data` of each `publish` on our topic, in arrival order (the sender's own included). */
  readonly onData: (data: string) => void;
  /** A socket has (re)opened and subscribed: whatever peers there missed may be re-sent. */
  readonly onConnect: () => void;
  readonly onDrop: (reason: TopicDrop) => void;
  /** Published messages per second, all sockets together (default 40; the server allows 100). */
  readonly ratePerSecond?: number;
  /**
   * Each socket first opens a random time below this after the topic is opened (default 0), so
   * that a topic opened together with other rooms (a cell's invites at its start) does not reach
   * the rendezvous in the same instant. Reconnects are jittered already.
   */
  readonly connectJitterMs?: number;
}

export interface RendezvousTopic {
  /** Queues `data` for every open socket, paced to ratePerSecond. Kept while no socket is open. */
  publish(data: string): void;
  /** Messages queued and not yet sent. */
  backlog(): number;
  connected(): boolean;
  /** Closes every socket and timer at once. Idempotent. */
  close(): void;
}

export const DEFAULT_TOPIC_RATE_PER_SECOND = 40;
/** Queued messages at most; a publisher that outruns its sockets loses the newest. */
export const MAX_TOPIC_BACKLOG = 4096;
const RECONNECT_MIN_MS = 1_000;
const RECONNECT_MAX_MS = 30_000;
/** An application ping keeps proxies from closing an idle socket and proves the link alive. */
const PING_MS = 20_000;
/** Nothing received for this long (pongs included): the link is dead, reconnect. */
const SILENCE_MS = 50_000;

interface Link {
  readonly url: string;
  socket: SignalingSocket | undefined;
  open: boolean;
  retryMs: number;
  lastHeard: number;
  timer: unknown;
}

/**
 * Subscribes to one topic of y-webrtc's rendezvous protocol (the one node/signal speaks:
 * subscribe, publish, ping) on every URL, and keeps it subscribed: a closed socket is reopened
 * with exponential backoff (1 s to 30 s, jittered), a silent one is closed and reopened. The
 * pub/sub stores nothing, so whoever subscribes late hears only what is published afterwards:
 * onConnect is the caller's cue to publish again. Every received message is checked before it is
 * handed on (size, JSON, shape, topic) and dropped with a reason otherwise, never thrown.
 */
export function openRendezvousTopic(o: RendezvousTopicOptions): RendezvousTopic {
  const { scheduler } = o;
  const rate = o.ratePerSecond ?? DEFAULT_TOPIC_RATE_PER_SECOND;
  const queue: string[] = [];
  let tokens = rate;
  let refilledAt = scheduler.now();
  let drainTimer: unknown;
  let closed = false;
  const links: Link[] = o.urls.map((url) => ({
    url,
    socket: undefined,
    open: false,
    retryMs: RECONNECT_MIN_MS,
    lastHeard: 0,
    timer: undefined,
  }));

  const sendAll = (text: string): void => {
    for (const link of links) if (link.open) link.socket?.send(text);
  };

  const drain = (): void => {
    drainTimer = undefined;
    if (closed || queue.length === 0 || !links.some((l) => l.open)) return;
    const now = scheduler.now();
    tokens = Math.min(rate, tokens + ((now - refilledAt) * rate) / 1000);
    refilledAt = now;
    while (tokens >= 1 && queue.length > 0) {
      tokens -= 1;
      sendAll(queue.shift() ?? '');
    }
    if (queue.length > 0)
      drainTimer = scheduler.setTimeout(drain, Math.ceil(((1 - tokens) * 1000) / rate));
  };
  const drainSoon = (): void => {
    if (drainTimer === undefined && !closed) drainTimer = scheduler.setTimeout(drain, 0);
  };

  const receive = (link: Link, raw: unknown): void => {
    link.lastHeard = scheduler.now();
    if (typeof raw !== 'string') return o.onDrop('not_text');
    if (raw.length > o.maxMessageChars) return o.onDrop('oversize');
    let message: unknown;
    try {
      message = JSON.parse(raw);
    } catch {
      return o.onDrop('malformed');
    }
    if (typeof message !== 'object' || message === null || Array.isArray(message))
      return o.onDrop('malformed');
    const { type, topic, data } = message as Record<string, unknown>;
    if (type === 'pong') return;
    if (type !== 'publish') return o.onDrop('unexpected');
    if (topic !== o.topic) return o.onDrop('other_topic');
    if (typeof data !== 'string') return o.onDrop('malformed');
    o.onData(data);
  };

  const schedule = (link: Link, fn: () => void, ms: number): void => {
    scheduler.clearTimeout(link.timer);
    link.timer = scheduler.setTimeout(fn, ms);
  };

  /** While open: ping, and give up on a link that has been silent too long. */
  const watch = (link: Link): void => {
    if (closed || !link.open) return;
    if (scheduler.now() - link.lastHeard >= SILENCE_MS) {
      link.socket?.close();
      return lost(link);
    }
    link.socket?.send('{"type":"ping"}');
    schedule(link, () => watch(link), PING_MS);
  };

  const lost = (link: Link): void => {
    link.socket = undefined;
    link.open = false;
    if (closed) return;
    const delay = link.retryMs * (0.75 + 0.5 * o.random());
    link.retryMs = Math.min(RECONNECT_MAX_MS, link.retryMs * 2);
    schedule(link, () => connect(link), delay);
  };

  const connect = (link: Link): void => {
    if (closed) return;
    // Handlers of a socket this link has since replaced or closed are ignored.
    const mine = (): boolean => !closed && link.socket === socket;
    const socket: SignalingSocket = o.sockets.open(link.url, {
      onOpen: () => {
        if (!mine()) return;
        link.open = true;
        link.retryMs = RECONNECT_MIN_MS;
        link.lastHeard = scheduler.now();
        link.socket?.send(JSON.stringify({ type: 'subscribe', topics: [o.topic] }));
        schedule(link, () => watch(link), PING_MS);
        o.onConnect();
        drainSoon();
      },
      onMessage: (data) => {
        if (mine() && link.open) receive(link, data);
      },
      onClose: () => {
        if (mine()) lost(link);
      },
    });
    link.socket = socket;
  };

  // Never a handler call before the caller holds the topic.
  const jitter = o.connectJitterMs ?? 0;
  queueMicrotask(() => {
    for (const link of links) {
      if (jitter <= 0) connect(link);
      else schedule(link, () => connect(link), Math.floor(o.random() * jitter));
    }
  });

  return {
    publish(data) {
      if (closed || queue.length >= MAX_TOPIC_BACKLOG) return;
      queue.push(JSON.stringify({ type: 'publish', topic: o.topic, data }));
      drainSoon();
    },
    backlog: () => queue.length,
    connected: () => links.some((l) => l.open),
    close() {
      if (closed) return;
      closed = true;
      scheduler.clearTimeout(drainTimer);
      queue.length = 0;
      for (const link of links) {
        scheduler.clearTimeout(link.timer);
        const socket = link.socket;
        link.socket = undefined;
        link.open = false;
        socket?.close();
      }
    },
  };
}
