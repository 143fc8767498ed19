import { createServer, type AddressInfo, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { probeRendezvous, type ProbeSocket } from '../../../renderer/settings/probeRendezvous.ts';

const open = (url: string): ProbeSocket => new WebSocket(url);
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

describe('probeRendezvous: "Test connection" opens a real WebSocket (issue 19 item 13)', () => {
  it('reports a listening WebSocket server as reachable, and sends nothing', async () => {
    const server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    const received: unknown[] = [];
    server.on('connection', (ws) => ws.on('message', (m) => received.push(m)));
    closers.push(() => new Promise((resolve) => server.close(() => resolve())));
    const { port } = server.address() as AddressInfo;
    const probe = await probeRendezvous(`ws://127.0.0.1:${port}`, 5_000, open);
    expect(probe.ok).toBe(true);
    expect(received).toEqual([]);
  });

  it('reports a port where nothing listens, and a server that never answers', async () => {
    // A port just freed: nothing listens there.
    const free = createServer();
    await new Promise<void>((resolve) => free.listen(0, '127.0.0.1', resolve));
    const { port: freePort } = free.address() as AddressInfo;
    await new Promise((resolve) => free.close(resolve));
    const refused = await probeRendezvous(`ws://127.0.0.1:${freePort}`, 5_000, open);
    expect(refused).toMatchObject({ ok: false, error: 'closed' });

    // A TCP server that accepts and never speaks WebSocket.
    const held: Socket[] = [];
    const silent = createServer((socket) => held.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    closers.push(() => {
      for (const socket of held) socket.destroy();
      return new Promise((resolve) => silent.close(() => resolve()));
    });
    const { port } = silent.address() as AddressInfo;
    expect(await probeRendezvous(`ws://127.0.0.1:${port}`, 300, open)).toEqual({
      ok: false,
      error: 'timeout',
    });
  });
});
