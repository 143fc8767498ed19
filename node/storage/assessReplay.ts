import type { HeaderSlot } from './logHeader.ts';
import { FIRST_RECORD, LOG_MAGIC, type RecordFormat } from './logFormat.ts';
import type { ByteRange, Replay } from './replayLog.ts';

/** What an open must do about what replay found, and report. */
export interface DamagePlan {
  /** Damaged bytes to copy aside byte for byte before the log is rewritten without them. */
  readonly keepAside: readonly ByteRange[];
  /** Bytes of an interrupted, never acknowledged append at the end, to cut (0: none). */
  readonly tornBytes: number;
  /** Set when the log is shorter than what it had acknowledged. */
  readonly truncated: { readonly missingBytes: number | undefined } | undefined;
}

export interface HeaderState {
  readonly slot: HeaderSlot | undefined;
  readonly badSlots: number;
  /** The magic did not match but a header slot did: the magic bytes themselves were damaged. */
  readonly magicDamaged: boolean;
}

/**
 * Sorts what replay skipped into damage (kept aside, reported), a torn tail (cut, reported) and
 * truncation (reported). The header slot says up to where the log had been acknowledged
 * (`durableEnd`): bad bytes at the end that start at or after it are an append that was in
 * flight when the writer died; anything missing or bad before it was acknowledged data.
 * Format 1 has no header: there a tail counts as torn when it is a record cut short by the end
 * of the file (the only shape an interrupted append leaves), and truncation cannot be seen.
 */
export function assessReplay(
  replay: Replay,
  size: number,
  format: RecordFormat,
  header: HeaderState | undefined,
): DamagePlan {
  const keepAside: ByteRange[] = [];
  if (header?.magicDamaged) keepAside.push({ start: 0, end: LOG_MAGIC.length });
  if (header && header.badSlots >= 2 && size > LOG_MAGIC.length) {
    keepAside.push({ start: LOG_MAGIC.length, end: Math.min(size, FIRST_RECORD) });
  }
  keepAside.push(...replay.damaged);
  const durable = header?.slot?.durableEnd;
  let tornBytes = 0;
  if (replay.tailBytes > 0) {
    const torn = durable === undefined ? replay.tailIsShort : replay.end >= durable;
    if (torn) tornBytes = replay.tailBytes;
    else keepAside.push({ start: replay.end, end: size });
  }
  let truncated: DamagePlan['truncated'];
  if (size < FIRST_RECORD && format.version === 2) {
    truncated = { missingBytes: durable === undefined ? undefined : durable - size };
  } else if (durable !== undefined && size < durable) {
    truncated = { missingBytes: durable - size };
  }
  return { keepAside, tornBytes, truncated };
}
