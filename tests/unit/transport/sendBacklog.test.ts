import { afterEach, describe, expect, it } from 'vitest';
import { SendBacklog } from '../../../shared/transport/SendBacklog.ts';
import { closePairs, connectPair } from '../../support/wrtcPair.ts';

/** Real @roamhq/wrtc over loopback: a big message is seen as unsent until it has left. */
afterEach(closePairs);

// A small high-water mark, so the frames of one message leave over several turns.
const LIMITS = { highWaterBytes: 64 * 1024, lowWaterBytes: 16 * 1024 };
const pair = (backlog: SendBacklog) => connectPair(true, true, LIMITS, backlog);

const until = async (check: () => boolean, ms = 20_000): Promise<void> => {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
};

describe('SendBacklog', () => {
  it('counts a big message as unsent until its last byte left, and nothing once delivered', async () => {
    const backlog = new SendBacklog();
    const { sender, got } = await pair(backlog);
    expect(backlog.bytes()).toBe(0);
    sender.send(new Uint8Array(3 * 1024 * 1024));
    // Just after send: most of it waits in frames (the high-water mark is 64 KiB).
    expect(backlog.bytes()).toBeGreaterThan(2 * 1024 * 1024);
    await until(() => got.length === 1);
    expect(got.map((m) => (m as ArrayBuffer).byteLength)).toEqual([3 * 1024 * 1024]);
    await until(() => backlog.bytes() === 0);
    expect(backlog.bytes()).toBe(0);
  });

  it('forgets a closed channel: what it held will never leave', async () => {
    const backlog = new SendBacklog();
    const { sender } = await pair(backlog);
    sender.send(new Uint8Array(2 * 1024 * 1024));
    expect(backlog.bytes()).toBeGreaterThan(0);
    sender.close();
    await until(() => backlog.bytes() === 0);
    expect(backlog.bytes()).toBe(0);
  });
});
