import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { signalDecoder, type SignalMessage } from './decodeSignalMessage.ts';
import { resolveSignalLimits, type SignalLimits } from './SignalLimits.ts';
import { TokenBucket } from './TokenBucket.ts';

/** Counts only: the server never records topic names, addresses or payloads. */
export interface SignalStats {
  readonly connections: number;
  readonly topics: number;
  readonly acceptedConnections: number;
  readonly rejectedConnections: number;
  readonly messagesIn: number;
  /** One per message delivered to one subscriber. */
  readonly relayedMessages: number;
  readonly relayedBytes: number;
  readonly dropped: {
    readonly oversize: number;
    readonly malformed: number;
    readonly invalid: number;
    readonly rateLimited: number;
    readonly tooManyTopics: number;
    readonly backpressure: number;
  };
  readonly closed: { readonly idle: number; readonly abuse: number; readonly oversize: number };
}

export interface SignalServer {
  readonly url: string;
  readonly host: string;
  readonly port: number;
  stats(): SignalStats;
  close(): Promise<void>;
}

export interface SignalServerOptions {
  readonly host?: string;
  /** 0 picks a free port. */
  readonly port?: number;
  readonly limits?: Partial<SignalLimits>;
  /** Sees every frame the server relays, byte for byte (tests prove nothing readable crosses). */
  readonly observer?: (bytes: Uint8Array) => void;
  /**
   * Sees which connection subscribed, unsubscribed or published to which topics: what a
   * logging operator records (tests prove no connection links two cells). Never set in `quire`.
   */
  readonly topicLog?: (entry: TopicLogEntry) => void;
}

/** One topic action of one connection (numbered in order of acceptance). */
export interface TopicLogEntry {
  readonly connection: number;
  readonly type: 'subscribe' | 'unsubscribe' | 'publish';
  readonly topics: readonly string[];
}

interface Conn {
  readonly id: number;
  readonly topics: Set<string>;
  readonly bucket: TokenBucket;
  alive: boolean;
  windowStart: number;
  dropsInWindow: number;
}

type DropKey = keyof SignalStats['dropped'];

/** WebSocket close code 1008: policy violation. */
const POLICY_VIOLATION = 1008;

const toBytes = (data: RawData): Uint8Array =>
  Array.isArray(data)
    ? Buffer.concat(data)
    : data instanceof ArrayBuffer
      ? new Uint8Array(data)
      : data;

/** Starts a y-webrtc compatible rendezvous server; resolves once it is listening. */
export const startSignalServer = async (opts: SignalServerOptions = {}): Promise<SignalServer> => {
  const limits = resolveSignalLimits(opts.limits);
  const host = opts.host ?? '127.0.0.1';
  const decode = signalDecoder(limits);
  const observer = opts.observer;
  const conns = new Map<WebSocket, Conn>();
  const topics = new Map<string, Set<WebSocket>>();
  const counts = {
    acceptedConnections: 0,
    rejectedConnections: 0,
    messagesIn: 0,
    relayedMessages: 0,
    relayedBytes: 0,
  };
  const dropped: Record<DropKey, number> = {
    oversize: 0,
    malformed: 0,
    invalid: 0,
    rateLimited: 0,
    tooManyTopics: 0,
    backpressure: 0,
  };
  const closed = { idle: 0, abuse: 0, oversize: 0 };

  const http = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.end('okay');
  });
  // A slow or half-open handshake must not hold a socket for long.
  http.headersTimeout = 10_000;
  http.requestTimeout = 10_000;
  // Raw TCP sockets too (before any upgrade): headroom over the cap for handshakes and 503s.
  http.maxConnections = limits.maxConnections + 64;
  // perMessageDeflate off: no decompression bombs, no CPU spent inflating.
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: limits.maxMessageBytes,
    perMessageDeflate: false,
    clientTracking: false,
  });

  const leaveTopic = (ws: WebSocket, conn: Conn, topic: string): void => {
    conn.topics.delete(topic);
    const subs = topics.get(topic);
    if (subs === undefined) return;
    subs.delete(ws);
    if (subs.size === 0) topics.delete(topic);
  };

  const drop = (ws: WebSocket, conn: Conn, reason: DropKey): void => {
    dropped[reason] += 1;
    const now = performance.now();
    if (now - conn.windowStart > limits.abuseWindowMs) {
      conn.windowStart = now;
      conn.dropsInWindow = 0;
    }
    conn.dropsInWindow += 1;
    if (conn.dropsInWindow === limits.abuseDropLimit) {
      closed.abuse += 1;
      ws.close(POLICY_VIOLATION, 'abuse');
    }
  };

  const publish = (fields: Record<string, unknown>, topic: string): void => {
    const receivers = topics.get(topic);
    if (receivers === undefined) return;
    // No subscriber count (y-webrtc's server adds `clients`): it would tell every listener how
    // many others share the topic, and no client needs it.
    const bytes = Buffer.from(JSON.stringify(fields), 'utf8');
    for (const receiver of receivers) {
      if (receiver.readyState !== WebSocket.OPEN) continue;
      if (receiver.bufferedAmount > limits.maxBufferedBytes) {
        dropped.backpressure += 1;
        continue;
      }
      receiver.send(bytes, { binary: false });
      counts.relayedMessages += 1;
      counts.relayedBytes += bytes.byteLength;
      if (observer !== undefined) observer(new Uint8Array(bytes));
    }
  };

  const handle = (ws: WebSocket, conn: Conn, msg: SignalMessage): void => {
    if (opts.topicLog !== undefined && msg.type !== 'ping')
      opts.topicLog({
        connection: conn.id,
        type: msg.type,
        topics: msg.type === 'publish' ? [msg.topic] : msg.topics,
      });
    switch (msg.type) {
      case 'subscribe': {
        const fresh = new Set(msg.topics.filter((t) => !conn.topics.has(t)));
        // All or nothing, so a rejected subscribe leaves no partial state behind.
        if (conn.topics.size + fresh.size > limits.maxTopicsPerConnection) {
          drop(ws, conn, 'tooManyTopics');
          return;
        }
        for (const topic of fresh) {
          conn.topics.add(topic);
          let subs = topics.get(topic);
          if (subs === undefined) {
            subs = new Set();
            topics.set(topic, subs);
          }
          subs.add(ws);
        }
        return;
      }
      case 'unsubscribe':
        for (const topic of msg.topics) leaveTopic(ws, conn, topic);
        return;
      case 'publish':
        publish({ ...msg.fields, type: 'publish', topic: msg.topic }, msg.topic);
        return;
      case 'ping':
        if (ws.readyState === WebSocket.OPEN) ws.send('{"type":"pong"}');
        return;
    }
  };

  const onConnection = (ws: WebSocket): void => {
    const conn: Conn = {
      id: counts.acceptedConnections,
      topics: new Set(),
      bucket: new TokenBucket(limits.ratePerSecond, limits.rateBurst),
      alive: true,
      windowStart: performance.now(),
      dropsInWindow: 0,
    };
    conns.set(ws, conn);
    counts.acceptedConnections += 1;
    ws.on('pong', () => {
      conn.alive = true;
    });
    ws.on('message', (data: RawData) => {
      // A connection being closed (abuse, shutdown) gets nothing more done for it.
      if (ws.readyState !== WebSocket.OPEN) return;
      counts.messagesIn += 1;
      if (!conn.bucket.take()) {
        drop(ws, conn, 'rateLimited');
        return;
      }
      const decoded = decode(toBytes(data));
      if (!decoded.ok) {
        drop(ws, conn, decoded.error);
        return;
      }
      handle(ws, conn, decoded.value);
    });
    ws.on('error', (e: Error & { code?: string }) => {
      // ws has already failed the connection (it closes it itself); only count why.
      if (e.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') closed.oversize += 1;
    });
    ws.on('close', () => {
      for (const topic of [...conn.topics]) leaveTopic(ws, conn, topic);
      conns.delete(ws);
    });
  };

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    socket.on('error', () => socket.destroy());
    if (conns.size >= limits.maxConnections) {
      counts.rejectedConnections += 1;
      socket.end(
        'HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n',
      );
      return;
    }
    wss.handleUpgrade(req, socket, head, onConnection);
  };
  http.on('upgrade', onUpgrade);

  const heartbeat = setInterval(() => {
    for (const [ws, conn] of conns) {
      if (!conn.alive) {
        closed.idle += 1;
        ws.terminate();
        continue;
      }
      conn.alive = false;
      try {
        ws.ping();
      } catch {
        ws.terminate();
      }
    }
  }, limits.heartbeatMs);
  heartbeat.unref();

  await new Promise<void>((resolve, reject) => {
    const onError = (e: Error): void => {
      clearInterval(heartbeat);
      reject(e);
    };
    http.once('error', onError);
    http.listen(opts.port ?? 4444, host, () => {
      http.off('error', onError);
      resolve();
    });
  });
  // After listening, a server error must not crash the host process.
  http.on('error', () => undefined);
  const port = (http.address() as AddressInfo).port;
  const url = host.includes(':') ? `ws://[${host}]:${port}` : `ws://${host}:${port}`;

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve) => {
      clearInterval(heartbeat);
      http.off('upgrade', onUpgrade);
      for (const ws of conns.keys()) ws.terminate();
      wss.close();
      http.close(() => resolve());
      http.closeAllConnections();
    });
    return closing;
  };

  const stats = (): SignalStats => ({
    connections: conns.size,
    topics: topics.size,
    ...counts,
    dropped: { ...dropped },
    closed: { ...closed },
  });

  return { url, host, port, stats, close };
};
