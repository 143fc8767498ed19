import type { ChunkLimits } from './ChunkLimits.ts';
import type { ChunkStats } from './ChunkStats.ts';
import { decodeFrame } from './decodeFrame.ts';
import type { FrameDropReason } from './FrameDropReason.ts';
import { FRAME_PAYLOAD_BYTES } from './frameFormat.ts';

export type ReassemblyResult =
  | { readonly kind: 'message'; readonly data: Uint8Array | string }
  | { readonly kind: 'partial' }
  | { readonly kind: 'dropped'; readonly reason: FrameDropReason };

interface PartialMessage {
  readonly count: number;
  readonly total: number;
  readonly text: boolean;
  readonly parts: (Uint8Array | undefined)[];
  received: number;
  bytes: number;
}

type ReassemblyLimits = Pick<
  ChunkLimits,
  'maxMessageBytes' | 'maxPartialMessages' | 'maxPartialBytes'
>;

/**
 * Turns the frames of one receiving channel back into messages. Frames of different messages may
 * interleave and arrive in any order; memory is bounded by the partial-count and partial-bytes
 * caps (oldest partial evicted first). Every bad frame is dropped and counted, never thrown.
 */
export class FrameReassembler {
  /** Insertion order is age order: the first entry is the oldest partial. */
  private readonly partials = new Map<number, PartialMessage>();
  private heldBytes = 0;
  private readonly utf8 = new TextDecoder('utf-8', { fatal: true });

  constructor(
    private readonly limits: ReassemblyLimits,
    private readonly stats: ChunkStats,
  ) {}

  get partialMessages(): number {
    return this.partials.size;
  }

  /** Payload bytes held in incomplete messages. */
  get partialBytes(): number {
    return this.heldBytes;
  }

  push(frame: Uint8Array): ReassemblyResult {
    this.stats.framesReceived += 1;
    const decoded = decodeFrame(frame, this.limits.maxMessageBytes);
    if (!decoded.ok) return this.drop(decoded.error);
    const f = decoded.value;
    if (f.count === 1) return this.deliver(f.payload.slice(), f.text);

    let p = this.partials.get(f.messageId);
    if (p === undefined) {
      p = { count: f.count, total: f.total, text: f.text, parts: [], received: 0, bytes: 0 };
      this.partials.set(f.messageId, p);
      while (this.partials.size > this.limits.maxPartialMessages) this.evictOldest(f.messageId);
    } else if (p.count !== f.count || p.total !== f.total || p.text !== f.text) {
      this.forget(f.messageId, p);
      return this.drop('mismatch');
    }
    if (p.parts[f.index] !== undefined) {
      this.forget(f.messageId, p);
      return this.drop('duplicate');
    }
    const length = f.payload.length;
    while (this.heldBytes + length > this.limits.maxPartialBytes && this.partials.size > 1)
      this.evictOldest(f.messageId);
    if (this.heldBytes + length > this.limits.maxPartialBytes) {
      this.forget(f.messageId, p);
      return this.drop('evicted');
    }
    p.parts[f.index] = f.payload.slice();
    p.received += 1;
    p.bytes += length;
    this.heldBytes += length;
    if (p.received < p.count) return { kind: 'partial' };

    this.forget(f.messageId, p);
    const whole = new Uint8Array(p.total);
    p.parts.forEach((part, i) => {
      if (part !== undefined) whole.set(part, i * FRAME_PAYLOAD_BYTES);
    });
    return this.deliver(whole, p.text);
  }

  /** Forgets every partial message (the channel closed). */
  clear(): void {
    this.partials.clear();
    this.heldBytes = 0;
  }

  private deliver(bytes: Uint8Array, text: boolean): ReassemblyResult {
    if (!text) {
      this.stats.messagesReceived += 1;
      return { kind: 'message', data: bytes };
    }
    let data: string;
    try {
      data = this.utf8.decode(bytes);
    } catch {
      return this.drop('bad_text');
    }
    this.stats.messagesReceived += 1;
    return { kind: 'message', data };
  }

  private evictOldest(keep: number): void {
    for (const [id, p] of this.partials) {
      if (id === keep) continue;
      this.forget(id, p);
      this.stats.dropped.evicted += 1;
      return;
    }
  }

  private forget(id: number, p: PartialMessage): void {
    if (this.partials.delete(id)) this.heldBytes -= p.bytes;
  }

  private drop(reason: FrameDropReason): ReassemblyResult {
    this.stats.dropped[reason] += 1;
    return { kind: 'dropped', reason };
  }
}
