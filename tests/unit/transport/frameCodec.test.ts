import { describe, expect, it } from 'vitest';
import { createChunkStats, type ChunkStats } from '../../../shared/transport/ChunkStats.ts';
import { decodeFrame } from '../../../shared/transport/decodeFrame.ts';
import { encodeFrame } from '../../../shared/transport/encodeFrame.ts';
import {
  FRAME_BYTES,
  FRAME_HEADER_BYTES,
  FRAME_PAYLOAD_BYTES,
  frameCount,
} from '../../../shared/transport/frameFormat.ts';
import {
  FrameReassembler,
  type ReassemblyResult,
} from '../../../shared/transport/FrameReassembler.ts';

const KiB = 1024;
const MAX = 32 * 1024 * KiB;

/** Deterministic bytes (a cheap LCG), so a misplaced frame cannot go unnoticed. */
function pattern(n: number, seed = 1): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed >>> 0;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

const framesOf = (message: Uint8Array, id: number, text = false): Uint8Array[] =>
  Array.from({ length: frameCount(message.length) }, (_, i) => encodeFrame(message, id, i, text));

function reassembler(
  limits: Partial<{
    maxMessageBytes: number;
    maxPartialMessages: number;
    maxPartialBytes: number;
  }> = {},
): [FrameReassembler, ChunkStats] {
  const stats = createChunkStats();
  const r = new FrameReassembler(
    { maxMessageBytes: MAX, maxPartialMessages: 4, maxPartialBytes: MAX, ...limits },
    stats,
  );
  return [r, stats];
}

const delivered = (results: ReassemblyResult[]): (Uint8Array | string)[] =>
  results.flatMap((r) => (r.kind === 'message' ? [r.data] : []));

/** Byte equality without vitest's element-by-element diffing (slow for MBs). */
const same = (a: Uint8Array | string | undefined, b: Uint8Array): boolean =>
  a instanceof Uint8Array && Buffer.from(a.buffer, a.byteOffset, a.length).equals(b);

/** Rewrites one big-endian u32 header field of a copy of the frame. */
function withField(frame: Uint8Array, offset: number, value: number): Uint8Array {
  const copy = frame.slice();
  new DataView(copy.buffer).setUint32(offset, value, false);
  return copy;
}

describe('frame codec round trip', () => {
  it.each([
    ['0 bytes', 0],
    ['1 byte', 1],
    ['exactly one payload', FRAME_PAYLOAD_BYTES],
    ['exactly 64 KiB', 64 * KiB],
    ['64 KiB + 1', 64 * KiB + 1],
    ['5 MB', 5_000_000],
  ])('%s', (_label, size) => {
    const message = pattern(size, size + 7);
    const frames = framesOf(message, 42);
    expect(frames.length).toBe(Math.max(1, Math.ceil(size / FRAME_PAYLOAD_BYTES)));
    for (const f of frames) expect(f.length).toBeLessThanOrEqual(FRAME_BYTES);
    const [r, stats] = reassembler();
    const out = delivered(frames.map((f) => r.push(f)));
    expect(out).toHaveLength(1);
    expect(same(out[0], message)).toBe(true);
    expect(r.partialMessages).toBe(0);
    expect(r.partialBytes).toBe(0);
    expect(stats.messagesReceived).toBe(1);
    expect(Object.values(stats.dropped).every((n) => n === 0)).toBe(true);
  });

  it('64 KiB needs two frames (the header takes room) and 64 KiB + 1 too', () => {
    expect(frameCount(64 * KiB)).toBe(2);
    expect(frameCount(64 * KiB + 1)).toBe(2);
    expect(frameCount(FRAME_PAYLOAD_BYTES)).toBe(1);
    expect(encodeFrame(pattern(FRAME_PAYLOAD_BYTES), 0, 0, false).length).toBe(FRAME_BYTES);
  });

  it('carries text as text, and decodes each header field', () => {
    const text = 'héllo ✓ '.repeat(20_000);
    const bytes = new TextEncoder().encode(text);
    const frames = framesOf(bytes, 0xffffffff, true);
    const d = decodeFrame(frames[1]!, MAX);
    expect(d).toMatchObject({
      ok: true,
      value: {
        messageId: 0xffffffff,
        index: 1,
        count: frames.length,
        total: bytes.length,
        text: true,
      },
    });
    const [r] = reassembler();
    expect(delivered(frames.map((f) => r.push(f)))).toEqual([text]);
  });

  it('reassembles interleaved messages, each in any frame order', () => {
    const m1 = pattern(300 * KiB, 1);
    const m2 = pattern(200 * KiB, 2);
    const m3 = pattern(10, 3);
    const f1 = framesOf(m1, 1);
    const f2 = framesOf(m2, 2).reverse();
    const f3 = framesOf(m3, 3);
    const order: Uint8Array[] = [];
    for (let i = 0; i < Math.max(f1.length, f2.length); i++) {
      if (f1[i]) order.push(f1[i]!);
      if (i === 1) order.push(f3[0]!);
      if (f2[i]) order.push(f2[i]!);
    }
    const [r, stats] = reassembler();
    const out = delivered(order.map((f) => r.push(f)));
    expect(out).toHaveLength(3);
    expect([same(out[0], m3), same(out[1], m2), same(out[2], m1)]).toEqual([true, true, true]);
    expect(stats.messagesReceived).toBe(3);
    expect(r.partialMessages).toBe(0);
  });
});

describe('malformed frames are dropped and counted, never thrown', () => {
  const good = framesOf(pattern(150 * KiB), 9); // 3 frames

  it.each<[string, () => Uint8Array, string]>([
    ['shorter than a header', () => good[0]!.subarray(0, FRAME_HEADER_BYTES - 1), 'too_short'],
    ['unknown version', () => Uint8Array.from([2, ...good[0]!.subarray(1)]), 'bad_version'],
    ['unknown flag bits', () => Uint8Array.from([1, 2, ...good[0]!.subarray(2)]), 'bad_flags'],
    ['total above the cap', () => withField(good[0]!, 14, MAX + 1), 'too_large'],
    ['count that does not match the total', () => withField(good[0]!, 10, 4), 'bad_count'],
    ['index beyond the count', () => withField(good[0]!, 6, 3), 'bad_index'],
    ['payload of the wrong length', () => good[2]!.subarray(0, good[2]!.length - 1), 'bad_length'],
  ])('%s', (_label, make, reason) => {
    const [r, stats] = reassembler();
    expect(r.push(make())).toEqual({ kind: 'dropped', reason });
    expect(stats.dropped[reason as keyof typeof stats.dropped]).toBe(1);
    // The channel keeps working: a good message still arrives whole.
    expect(delivered(good.map((f) => r.push(f)))).toHaveLength(1);
  });

  it('a frame disagreeing with earlier frames of its message drops the partial', () => {
    const [r, stats] = reassembler();
    r.push(good[0]!);
    const other = framesOf(pattern(200 * KiB), 9); // same id, other total
    expect(r.push(other[1]!)).toEqual({ kind: 'dropped', reason: 'mismatch' });
    expect(r.partialMessages).toBe(0);
    expect(delivered([r.push(good[1]!), r.push(good[2]!)])).toEqual([]);
    expect(stats.dropped.mismatch).toBe(1);
  });

  it('a repeated frame drops the partial', () => {
    const [r, stats] = reassembler();
    r.push(good[0]!);
    expect(r.push(good[0]!)).toEqual({ kind: 'dropped', reason: 'duplicate' });
    expect(r.partialMessages).toBe(0);
    expect(stats.dropped.duplicate).toBe(1);
  });

  it('text that is not UTF-8 is dropped', () => {
    const [r, stats] = reassembler();
    expect(r.push(encodeFrame(Uint8Array.from([0xff, 0xfe]), 1, 0, true))).toEqual({
      kind: 'dropped',
      reason: 'bad_text',
    });
    expect(stats.dropped.bad_text).toBe(1);
  });

  it('caps concurrent partial messages, evicting the oldest', () => {
    const [r, stats] = reassembler({ maxPartialMessages: 2 });
    const msgs = [1, 2, 3].map((id) => framesOf(pattern(100 * KiB, id), id));
    for (const m of msgs) r.push(m[0]!);
    expect(r.partialMessages).toBe(2);
    expect(stats.dropped.evicted).toBe(1);
    // 2 and 3 complete; message 1 was evicted, so its last frame completes nothing.
    expect(delivered([r.push(msgs[1]![1]!), r.push(msgs[2]![1]!)])).toEqual([
      pattern(100 * KiB, 2),
      pattern(100 * KiB, 3),
    ]);
    expect(r.push(msgs[0]![1]!)).toEqual({ kind: 'partial' });
  });

  it('caps bytes held in partial messages', () => {
    const [r, stats] = reassembler({ maxPartialBytes: 3 * FRAME_PAYLOAD_BYTES });
    const big = framesOf(pattern(5 * FRAME_PAYLOAD_BYTES), 1);
    const small = framesOf(pattern(2 * FRAME_PAYLOAD_BYTES), 2);
    for (const f of big.slice(0, 3)) r.push(f);
    r.push(small[0]!); // over the cap: the older partial (big) goes
    expect(stats.dropped.evicted).toBe(1);
    expect(r.partialBytes).toBeLessThanOrEqual(3 * FRAME_PAYLOAD_BYTES);
    expect(delivered([r.push(small[1]!)])).toEqual([pattern(2 * FRAME_PAYLOAD_BYTES)]);
    // Alone above the cap, a message cannot be held at all.
    const [r2, stats2] = reassembler({ maxPartialBytes: FRAME_PAYLOAD_BYTES });
    r2.push(big[0]!);
    expect(r2.push(big[1]!)).toEqual({ kind: 'dropped', reason: 'evicted' });
    expect(stats2.dropped.evicted).toBe(1);
  });

  it('random bytes never throw and never deliver', () => {
    const [r, stats] = reassembler();
    for (let i = 0; i < 2000; i++) {
      const junk = pattern(i % 97, i);
      expect(r.push(junk).kind).not.toBe('message');
    }
    expect(stats.messagesReceived).toBe(0);
    expect(stats.framesReceived).toBe(2000);
  });
});
