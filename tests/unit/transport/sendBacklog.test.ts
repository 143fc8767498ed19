import wrtc from '@roamhq/wrtc';
import { afterEach, describe, expect, it } from 'vitest';
import { createChunkStats } from '../../../shared/transport/ChunkStats.ts';
import { SendBacklog } from '../../../shared/transport/SendBacklog.ts';
import { wrapRtcForChunking } from '../../../shared/transport/wrapRtcForChunking.ts';

/** Real @roamhq/wrtc over loopback: a big message is seen as unsent until it has left. */
const open: RTCPeerConnection[] = [];
afterEach(() => {
  for (const pc of open.splice(0)) pc.close();
});

async function pair(backlog: SendBacklog): Promise<{ sender: RTCDataChannel; got: number[] }> {
  const Wrapped = wrapRtcForChunking(wrtc.RTCPeerConnection, {
    stats: createChunkStats(),
    backlog,
    // A small high-water mark, so the frames of one message leave over several turns.
    limits: { highWaterBytes: 64 * 1024, lowWaterBytes: 16 * 1024 },
  });
  const a = new Wrapped();
  const b = new Wrapped();
  open.push(a, b);
  a.onicecandidate = (e) => e.candidate && b.addIceCandidate(e.candidate).catch(() => undefined);
  b.onicecandidate = (e) => e.candidate && a.addIceCandidate(e.candidate).catch(() => undefined);
  const sender = a.createDataChannel('test');
  const got: number[] = [];
  b.ondatachannel = (e) => {
    e.channel.binaryType = 'arraybuffer';
    e.channel.onmessage = (m: MessageEvent<ArrayBuffer>) => got.push(m.data.byteLength);
  };
  const opened = new Promise<void>((resolve) => (sender.onopen = () => resolve()));
  const offer = await a.createOffer();
  await a.setLocalDescription(offer);
  await b.setRemoteDescription(offer);
  const answer = await b.createAnswer();
  await b.setLocalDescription(answer);
  await a.setRemoteDescription(answer);
  await opened;
  return { sender, got };
}

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
    expect(got).toEqual([3 * 1024 * 1024]);
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
