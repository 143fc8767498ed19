/**
 * What a logging rendezvous operator can link (issue 16 item 3). One installation has two cells
 * open, rotates one of them (the old epoch's room stays open for its grace period beside the new
 * one) and hosts an invite. The server logs which connection subscribes and publishes to which
 * topic: no single connection may touch topics of two rooms, and nothing the server sends to a
 * client carries a subscriber count.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  startSignalServer,
  type SignalServer,
  type TopicLogEntry,
} from '../../../node/signal/SignalServer.ts';
import { nodeSignalingSockets } from '../../../node/transport/nodeSignalingSockets.ts';
import { createNodeTransport } from '../../../node/transport/nodeWebrtc.ts';
import { realScheduler } from '../../../shared/sync/Scheduler.ts';
import { openRendezvousTopic } from '../../../shared/transport/openRendezvousTopic.ts';
import type { Room } from '../../../shared/transport/Transport.ts';

const until = async (check: () => boolean, ms: number): Promise<boolean> => {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return check();
};

/** No connection of the log subscribes or publishes to more than one topic. */
function expectOneTopicPerConnection(log: readonly TopicLogEntry[]): void {
  const byConnection = new Map<number, Set<string>>();
  for (const e of log) {
    const topics = byConnection.get(e.connection) ?? new Set<string>();
    for (const t of e.topics) topics.add(t);
    byConnection.set(e.connection, topics);
  }
  expect(byConnection.size).toBeGreaterThanOrEqual(4);
  for (const [connection, topics] of byConnection)
    expect([...topics], `connection ${connection} links rooms`).toHaveLength(1);
  for (const e of log)
    if (e.type === 'subscribe') expect(e.topics, 'one topic per subscribe').toHaveLength(1);
}

const hex = (seed: number): string => seed.toString(16).padStart(2, '0').repeat(32);

describe('rendezvous unlinkability', () => {
  let server: SignalServer;
  let log: TopicLogEntry[];
  let relayed: string[];
  const rooms: Room[] = [];
  const closers: (() => void)[] = [];

  beforeEach(async () => {
    log = [];
    relayed = [];
    server = await startSignalServer({
      host: '127.0.0.1',
      port: 0,
      topicLog: (e) => log.push(e),
      observer: (bytes) => relayed.push(Buffer.from(bytes).toString('utf8')),
    });
  });
  afterEach(async () => {
    for (const room of rooms.splice(0)) room.close();
    for (const close of closers.splice(0)) close();
    await server.close();
  });

  it('no connection links two cells, an old and a new epoch, or an invite room', async () => {
    const transport = createNodeTransport();
    const join = (roomName: string): void => {
      rooms.push(
        transport.join(
          { roomName, password: `pw-${roomName}`, signaling: [server.url] },
          new Y.Doc(),
        ),
      );
    };
    const cellA0 = hex(0xa0);
    const cellB0 = hex(0xb0);
    const cellA1 = hex(0xa1);
    const invite = hex(0x1e).slice(0, 32);
    join(cellA0);
    join(cellB0);
    // Cell A rotates: its epoch-1 room opens while the epoch-0 room is in its grace period.
    join(cellA1);
    const hosted = openRendezvousTopic({
      sockets: nodeSignalingSockets(),
      urls: [server.url],
      topic: invite,
      scheduler: realScheduler,
      random: Math.random,
      maxMessageChars: 64 * 1024,
      onData: () => undefined,
      onConnect: () => undefined,
      onDrop: () => undefined,
    });
    closers.push(() => hosted.close());
    hosted.publish('c2VhbGVk');

    const all = [cellA0, cellB0, cellA1, invite];
    const subscribed = (): Set<string> =>
      new Set(log.filter((e) => e.type === 'subscribe').flatMap((e) => e.topics));
    expect(await until(() => all.every((t) => subscribed().has(t)), 15_000)).toBe(true);
    // Let every room announce itself too.
    expect(
      await until(
        () => all.every((t) => log.some((e) => e.type === 'publish' && e.topics[0] === t)),
        15_000,
      ),
    ).toBe(true);

    expectOneTopicPerConnection(log);

    // Nothing relayed to a client says how many others listen on a topic.
    expect(relayed.length).toBeGreaterThan(0);
    for (const m of relayed) expect(Object.keys(JSON.parse(m) as object)).not.toContain('clients');

    // The server restarts (every socket drops at once) and everyone reconnects: y-webrtc
    // subscribes every room on each reconnected socket again, which must stay confined too.
    const port = server.port;
    await server.close();
    log = [];
    server = await startSignalServer({ host: '127.0.0.1', port, topicLog: (e) => log.push(e) });
    expect(await until(() => all.every((t) => subscribed().has(t)), 30_000)).toBe(true);
    expectOneTopicPerConnection(log);
  });
});
