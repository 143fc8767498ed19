import wrtc from '@roamhq/wrtc';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeFrame } from '../../../shared/transport/encodeFrame.ts';
import { wrapRtcForChunking } from '../../../shared/transport/wrapRtcForChunking.ts';
import { closePairs, connectPair, keepOpen } from '../../support/wrtcPair.ts';

afterEach(closePairs);
const connect = connectPair;

const until = async (check: () => boolean, ms = 10_000, everyMs = 20): Promise<boolean> => {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, everyMs));
  return Date.now() < end || check();
};

const bytes = (n: number, seed: number): Uint8Array<ArrayBuffer> => {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = (i * 31 + seed) & 0xff;
  return out;
};
const same = (a: unknown, b: Uint8Array): boolean =>
  a instanceof ArrayBuffer && Buffer.from(a).equals(b);

describe('why composition: @roamhq/wrtc cannot be subclassed to intercept ondatachannel', () => {
  it('a subclass redefining ondatachannel throws in its constructor', () => {
    class Sub extends wrtc.RTCPeerConnection {
      override ondatachannel = null;
    }
    expect(() => new Sub()).toThrow(TypeError);
    const pc = new (wrapRtcForChunking(wrtc.RTCPeerConnection))();
    keepOpen(pc);
    expect(pc).toBeInstanceOf(wrtc.RTCPeerConnection);
  });
});

describe('chunked data channels over real WebRTC', () => {
  it('the platform limit is real: an unwrapped 300 KB send kills the channel', async () => {
    const { sender, got } = await connect(false, false);
    sender.send(bytes(300_000, 1));
    expect(await until(() => sender.readyState === 'closed', 5_000)).toBe(true);
    expect(got).toEqual([]);
  });

  it('delivers 0 B, 64 KiB, 64 KiB + 1, 5 MB and text whole and in order', async () => {
    const { sender, got, stats } = await connect(true, true);
    const sizes = [0, 65536, 65537, 5_000_000];
    const messages = sizes.map((n, i) => bytes(n, i));
    for (const m of messages) sender.send(m);
    sender.send('text ✓');
    expect(await until(() => got.length === 5)).toBe(true);
    messages.forEach((m, i) => expect(same(got[i], m), `message ${i}`).toBe(true));
    expect(got[4]).toBe('text ✓');
    expect(stats.framesSent).toBeGreaterThan(stats.messagesSent);
    expect(stats.messagesReceived).toBe(5);
  });

  it('holds frames back while the SCTP buffer is full, so a 24 MB burst loses nothing', async () => {
    const { sender, got } = await connect(true, true);
    const messages = [1, 2, 3].map((seed) => bytes(8_000_000, seed));
    for (const m of messages) sender.send(m);
    // Queued bytes count in bufferedAmount until they are handed to the real channel.
    expect(sender.bufferedAmount).toBeGreaterThan(20_000_000);
    let lows = 0;
    sender.bufferedAmountLowThreshold = 64 * 1024;
    sender.onbufferedamountlow = () => (lows += 1);
    expect(await until(() => got.length === 3, 20_000)).toBe(true);
    messages.forEach((m, i) => expect(same(got[i], m)).toBe(true));
    expect(await until(() => sender.bufferedAmount === 0 && lows > 0)).toBe(true);
  });

  it('control: a burst straight into an unwrapped channel is silently cut short', async () => {
    const { sender, got } = await connect(false, false);
    // 64 MiB: on an idle machine libwebrtc sometimes drains a 24 MiB burst in time; 64 MiB is
    // far past its 16 MiB send buffer however fast the receiver is.
    for (let i = 0; i < 1024; i++) sender.send(bytes(64 * 1024, i));
    // Wait until nothing more arrives for half a second.
    let last = -1;
    await until(
      () => {
        const settled = got.length === last;
        last = got.length;
        return settled;
      },
      5_000,
      500,
    );
    expect(got.length).toBeLessThan(1024);
  });

  it('drops and counts what a peer without the wrapper sends, and keeps working', async () => {
    const { sender, got, stats } = await connect(false, true);
    sender.send('a string');
    sender.send(new Uint8Array(5));
    sender.send(Uint8Array.from([9, ...encodeFrame(bytes(10, 1), 1, 0, false).subarray(1)]));
    const good = bytes(100, 7);
    sender.send(encodeFrame(good, 2, 0, false) as Uint8Array<ArrayBuffer>);
    expect(await until(() => got.length === 1)).toBe(true);
    expect(same(got[0], good)).toBe(true);
    expect(stats.dropped).toMatchObject({ not_binary: 1, too_short: 1, bad_version: 1 });
  });

  it('a throwing listener is counted and does not stop delivery', async () => {
    const { sender, receiver, got, stats } = await connect(true, true);
    const seen: unknown[] = [];
    const throwing = (): void => {
      throw new Error('listener bug');
    };
    const listener = (e: MessageEvent): void => void seen.push(e.data);
    receiver.addEventListener('message', throwing);
    receiver.addEventListener('message', listener);
    sender.send('one');
    expect(await until(() => got.length === 1)).toBe(true);
    receiver.removeEventListener('message', listener);
    sender.send('two');
    expect(await until(() => got.length === 2)).toBe(true);
    expect(seen).toEqual(['one']);
    expect(stats.listenerErrors).toBe(2);
  });

  it('refuses, like a real channel, to send before open or beyond maxMessageBytes', async () => {
    const { sender, stats } = await connect(true, true, { maxMessageBytes: 1000 });
    expect(() => sender.send(new Uint8Array(1001))).toThrow(RangeError);
    expect(stats.sendRejected).toBe(1);
    const pc = new (wrapRtcForChunking(wrtc.RTCPeerConnection))();
    keepOpen(pc);
    expect(() => pc.createDataChannel('x').send('early')).toThrow(/not open/);
  });
});
