import type { FileHandle } from 'node:fs/promises';
import { decodeBatch } from './decodeBatch.ts';
import { LogIndex } from './LogIndex.ts';
import { readAt } from './logIo.ts';
import {
  announcedLength,
  LOG_MAGIC,
  MAX_PAYLOAD_BYTES,
  RECORD_HEADER_BYTES,
  recordIntact,
} from './logFormat.ts';

export interface Replay {
  readonly index: LogIndex;
  /** Offset just past the last good record: everything from here on is to be truncated. */
  readonly end: number;
  /** 'torn': the bad bytes run to the end of the file (an interrupted append); 'corrupt': a bad record with more bytes after it. */
  readonly damage: 'none' | 'torn' | 'corrupt';
}

const CHUNK = 1024 * 1024;

/**
 * Rebuilds the index from the log, record by record, and stops at the first record that is
 * short, oversized, fails its checksum or does not parse. What follows it cannot be trusted
 * to be a state that ever existed (batches are applied in order), so it is dropped.
 */
export async function replayLog(fh: FileHandle, size: number): Promise<Replay> {
  const index = new LogIndex();
  let buf: Uint8Array = new Uint8Array(0);
  let bufStart = 0;
  // Small buffered reads: replay of thousands of small records must not cost a syscall each.
  const bytesAt = async (pos: number, len: number): Promise<Uint8Array> => {
    if (pos < bufStart || pos + len > bufStart + buf.length) {
      buf = await readAt(fh, pos, Math.min(Math.max(len, CHUNK), size - pos));
      bufStart = pos;
    }
    return buf.subarray(pos - bufStart, pos - bufStart + len);
  };
  let pos = LOG_MAGIC.length;
  while (pos < size) {
    if (size - pos < RECORD_HEADER_BYTES) return { index, end: pos, damage: 'torn' };
    const length = announcedLength(await bytesAt(pos, RECORD_HEADER_BYTES));
    const recordLength = RECORD_HEADER_BYTES + length;
    if (length > MAX_PAYLOAD_BYTES) return { index, end: pos, damage: 'corrupt' };
    if (pos + recordLength > size) return { index, end: pos, damage: 'torn' };
    const record = await bytesAt(pos, recordLength);
    const entries = recordIntact(record) ? decodeBatch(record) : undefined;
    if (!entries)
      return { index, end: pos, damage: pos + recordLength === size ? 'torn' : 'corrupt' };
    index.apply(entries, pos, recordLength);
    pos += recordLength;
  }
  return { index, end: pos, damage: 'none' };
}
