import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import {
  GuardedWebSocket,
  guardedWebSocketErrors,
} from '../../../node/transport/GuardedWebSocket.ts';

describe('GuardedWebSocket', () => {
  let wss: WebSocketServer;
  let url: string;
  beforeAll(async () => {
    wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise((r) => wss.once('listening', r));
    url = `ws://127.0.0.1:${(wss.address() as { port: number }).port}`;
    wss.on('connection', (s) => {
      s.send('not json');
      s.send('{"type":"ok"}');
    });
  });
  afterAll(() => new Promise<void>((r) => wss.close(() => r())));

  it('catches what an onmessage handler throws (lib0 JSON.parse on junk), and goes on', async () => {
    const before = guardedWebSocketErrors();
    const ws = new GuardedWebSocket(url);
    const parsed: unknown[] = [];
    // What lib0's websocket client does with every text frame.
    const handler = (e: { data: unknown }): void => void parsed.push(JSON.parse(String(e.data)));
    ws.onmessage = handler;
    expect(ws.onmessage).toBe(handler);
    await new Promise<void>((resolve) => {
      const t = setInterval(() => {
        if (parsed.length === 1) {
          clearInterval(t);
          resolve();
        }
      }, 10);
    });
    expect(parsed).toEqual([{ type: 'ok' }]);
    expect(guardedWebSocketErrors()).toBe(before + 1);
    ws.close();
  });
});
