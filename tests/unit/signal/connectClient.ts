import { WebSocket, type ClientOptions, type RawData } from 'ws';

/** A real ws client that records what it receives, for signal-server tests. */
export interface TestClient {
  readonly ws: WebSocket;
  /** Every text frame received, parsed as JSON, in order. */
  readonly received: unknown[];
  /** Every frame received as raw text, in order. */
  readonly raw: string[];
  send(message: unknown): void;
  /** Resolves with the next received message that matches (or has already arrived unconsumed). */
  next(match?: (m: unknown) => boolean, timeoutMs?: number): Promise<unknown>;
  /** Sends a ping message and waits for the pong: everything sent before it has been processed. */
  sync(): Promise<void>;
  readonly closed: Promise<{ code: number }>;
}

const textOf = (data: RawData): string =>
  Array.isArray(data)
    ? Buffer.concat(data).toString('utf8')
    : Buffer.from(data as ArrayBuffer).toString('utf8');

export const connectClient = (url: string, opts: ClientOptions = {}): Promise<TestClient> =>
  new Promise((resolve, reject) => {
    const ws = new WebSocket(url, opts);
    const received: unknown[] = [];
    const raw: string[] = [];
    let cursor = 0;
    const waiters = new Set<() => void>();
    let closeCode: number | undefined;
    const closed = new Promise<{ code: number }>((res) => {
      ws.on('close', (code) => {
        closeCode = code;
        res({ code });
        for (const w of waiters) w();
      });
    });
    ws.on('message', (data) => {
      const text = textOf(data);
      raw.push(text);
      received.push(JSON.parse(text));
      for (const w of waiters) w();
    });
    // Before 'open', an error (refused, reset) fails the connect; afterwards `closed` reports it.
    ws.on('error', (e) => reject(e));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`http ${res.statusCode}`)));
    ws.once('open', () => {
      const next = (
        match: (m: unknown) => boolean = () => true,
        timeoutMs = 5000,
      ): Promise<unknown> =>
        new Promise((res, rej) => {
          const check = (): boolean => {
            while (cursor < received.length) {
              const m = received[cursor];
              cursor += 1;
              if (match(m)) {
                cleanup();
                res(m);
                return true;
              }
            }
            if (closeCode !== undefined) {
              cleanup();
              rej(new Error(`closed ${closeCode}`));
              return true;
            }
            return false;
          };
          const timer = setTimeout(() => {
            cleanup();
            rej(new Error('timeout waiting for message'));
          }, timeoutMs);
          const waiter = (): void => void check();
          const cleanup = (): void => {
            clearTimeout(timer);
            waiters.delete(waiter);
          };
          waiters.add(waiter);
          check();
        });
      const send = (message: unknown): void =>
        ws.send(
          typeof message === 'string' || message instanceof Uint8Array
            ? message
            : JSON.stringify(message),
        );
      const isPong = (m: unknown): boolean => (m as { type?: unknown }).type === 'pong';
      resolve({
        ws,
        received,
        raw,
        send,
        next,
        sync: async () => {
          send({ type: 'ping' });
          await next(isPong);
        },
        closed,
      });
    });
  });

/** Polls until `cond` holds or the deadline passes. */
export const waitUntil = async (cond: () => boolean, timeoutMs = 5000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 10));
  }
};
