import type { FileHandle } from 'node:fs/promises';
import { crc32 } from './crc32.ts';
import { readAt } from './logIo.ts';
import { FIRST_RECORD, LOG_MAGIC } from './logFormat.ts';

/**
 * Where a format 2 log stood at its last write, so that a log which lost its end is noticed:
 * records carry no count of what follows them, so only a fixed place can remember how long the
 * log was. Every append rewrites one of two slots (alternating, so a torn slot write leaves the
 * other one intact) in the same fdatasync as its record.
 */
export interface HeaderSlot {
  /** Increases with every slot written; the valid slot with the highest counter is current. */
  readonly counter: number;
  /** Every byte before this offset was acknowledged (fsynced) before this slot was written. */
  readonly durableEnd: number;
  /** Where the log ends once the write made with this slot is durable. */
  readonly end: number;
}

/** Two slots in different 512-byte sectors. */
const SLOT_OFFSETS = [16, 528] as const;
const SLOT_BYTES = 32;
const SLOT_MAGIC = 0x32534851; // 'QHS2' little-endian

export const slotOffset = (counter: number): number => SLOT_OFFSETS[counter % 2] ?? 16;

/** crc32 (over the rest) || magic || counter u64 || durableEnd u64 || end u64, all LE. */
export function encodeSlot(slot: HeaderSlot): Uint8Array {
  const out = new Uint8Array(SLOT_BYTES);
  const view = new DataView(out.buffer);
  view.setUint32(4, SLOT_MAGIC, true);
  view.setBigUint64(8, BigInt(slot.counter), true);
  view.setBigUint64(16, BigInt(slot.durableEnd), true);
  view.setBigUint64(24, BigInt(slot.end), true);
  view.setUint32(0, crc32(out, 4), true);
  return out;
}

export function decodeSlot(bytes: Uint8Array): HeaderSlot | undefined {
  if (bytes.length !== SLOT_BYTES) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== crc32(bytes, 4) || view.getUint32(4, true) !== SLOT_MAGIC) {
    return undefined;
  }
  const [counter, durableEnd, end] = [8, 16, 24].map((at) => view.getBigUint64(at, true));
  const max = BigInt(Number.MAX_SAFE_INTEGER);
  if (counter === undefined || durableEnd === undefined || end === undefined) return undefined;
  if (counter > max || end > max || durableEnd > end || durableEnd < BigInt(FIRST_RECORD)) {
    return undefined;
  }
  return { counter: Number(counter), durableEnd: Number(durableEnd), end: Number(end) };
}

/** The current slot of a log (undefined when neither slot is readable) and how many were bad. */
export async function readHeader(
  fh: FileHandle,
  size: number,
): Promise<{ slot: HeaderSlot | undefined; badSlots: number }> {
  let slot: HeaderSlot | undefined;
  let badSlots = 0;
  for (const at of SLOT_OFFSETS) {
    const s = at + SLOT_BYTES <= size ? decodeSlot(await readAt(fh, at, SLOT_BYTES)) : undefined;
    if (!s) badSlots++;
    else if (!slot || s.counter > slot.counter) slot = s;
  }
  return { slot, badSlots };
}

/** The first FIRST_RECORD bytes of a new log whose records end at `end`: magic and both slots. */
export function newLogHead(end: number): Uint8Array {
  const head = new Uint8Array(FIRST_RECORD);
  head.set(LOG_MAGIC, 0);
  for (const counter of [0, 1]) {
    head.set(encodeSlot({ counter, durableEnd: end, end }), slotOffset(counter));
  }
  return head;
}
