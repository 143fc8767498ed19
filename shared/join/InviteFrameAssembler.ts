import { toHex } from '../crypto/bytes.ts';
import { INVITE_CHANNEL_PART_BYTES, type InviteChannelPart } from './inviteChannelFormat.ts';

/** Frames being assembled at once; a further one evicts the oldest. */
export const MAX_PARTIAL_FRAMES = 8;
/** Bytes held in unfinished frames at most (two largest welcomes); beyond, the oldest go. */
export const MAX_PARTIAL_BYTES = 8 * 1024 * 1024;

interface Partial {
  readonly frameLength: number;
  readonly parts: (Uint8Array | undefined)[];
  received: number;
}

/**
 * - complete: the frame is whole (its key still unchecked: the caller hashes it);
 * - pending: kept, more parts to come (or a part already held: duplicates change nothing);
 * - bad_part: its frame length disagrees with earlier parts under the same key;
 * - evicted: n older unfinished frames were dropped to stay within the bounds.
 */
export type AssembleResult =
  | { readonly type: 'complete'; readonly key: string; readonly frame: Uint8Array }
  | { readonly type: 'pending'; readonly evicted: number }
  | { readonly type: 'bad_part' };

/**
 * Reassembles frames from channel parts that may come in any order, twice, or never (the pub/sub
 * loses messages; senders re-send). Each part was checked alone by openInviteChannelMessage; the
 * first part for an index wins. Memory is bounded by frame count and bytes, oldest evicted first;
 * a frame that completes under a key it does not hash to is dropped by the caller, and its next
 * re-send starts afresh.
 */
export class InviteFrameAssembler {
  private readonly partials = new Map<string, Partial>();
  private bytes = 0;

  add(part: InviteChannelPart): AssembleResult {
    const key = toHex(part.frameKey);
    if (part.count === 1) return { type: 'complete', key, frame: part.bytes };
    let p = this.partials.get(key);
    if (p !== undefined && p.frameLength !== part.frameLength) return { type: 'bad_part' };
    let evicted = 0;
    if (p === undefined) {
      evicted = this.makeRoom(part.frameLength);
      p = { frameLength: part.frameLength, parts: Array.from({ length: part.count }), received: 0 };
      this.partials.set(key, p);
      this.bytes += part.frameLength;
    }
    if (p.parts[part.index] !== undefined) return { type: 'pending', evicted };
    p.parts[part.index] = part.bytes;
    p.received++;
    if (p.received < part.count) return { type: 'pending', evicted };
    this.forget(key);
    const frame = new Uint8Array(p.frameLength);
    p.parts.forEach((b, i) => frame.set(b ?? new Uint8Array(0), i * INVITE_CHANNEL_PART_BYTES));
    return { type: 'complete', key, frame };
  }

  /** Drops an unfinished frame (one already handled under this key needs no more parts). */
  forget(key: string): void {
    const p = this.partials.get(key);
    if (p === undefined) return;
    this.partials.delete(key);
    this.bytes -= p.frameLength;
  }

  clear(): void {
    this.partials.clear();
    this.bytes = 0;
  }

  /** Bytes reserved for unfinished frames (their full lengths). */
  heldBytes(): number {
    return this.bytes;
  }

  private makeRoom(incoming: number): number {
    let evicted = 0;
    for (const key of this.partials.keys()) {
      if (this.partials.size < MAX_PARTIAL_FRAMES && this.bytes + incoming <= MAX_PARTIAL_BYTES)
        break;
      this.forget(key);
      evicted++;
    }
    return evicted;
  }
}
