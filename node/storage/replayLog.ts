import type { FileHandle } from 'node:fs/promises';
import { decodeBatch } from './decodeBatch.ts';
import { LogIndex } from './LogIndex.ts';
import { readAt } from './logIo.ts';
import {
  announcedLength,
  type BatchEntry,
  MAX_PAYLOAD_BYTES,
  type RecordFormat,
  recordIntact,
} from './logFormat.ts';

/** Bytes [start, end) of the log file. */
export interface ByteRange {
  readonly start: number;
  readonly end: number;
}

export interface Replay {
  readonly index: LogIndex;
  /** Offset just past the last intact record. */
  readonly end: number;
  /** Runs of bytes that are no intact record, each followed by an intact one (oldest first). */
  readonly damaged: readonly ByteRange[];
  /** Bytes after `end` that hold no intact record (an interrupted append, or a damaged end). */
  readonly tailBytes: number;
  /** The tail has the shape of an interrupted append: a record cut short by the end of file. */
  readonly tailIsShort: boolean;
}

const CHUNK = 1024 * 1024;

/**
 * Rebuilds the index from the log, record by record. A record that is short, oversized, fails
 * its checksum or does not parse is not applied: replay looks for the next intact record after
 * it (format 2: the next record marker whose record is intact; format 1, which has no marker:
 * only where the bad record's own length points) and carries on from there, so one damaged
 * record costs that record and no other. Every skipped run of bytes is returned for the caller
 * to keep aside and report. Never throws on content; only on I/O errors.
 */
export async function replayLog(
  fh: FileHandle,
  size: number,
  format: RecordFormat,
): Promise<Replay> {
  const reader = new LogReader(fh, size, format);
  const index = new LogIndex();
  const damaged: ByteRange[] = [];
  let pos = format.firstRecord;
  while (pos < size) {
    const record = await reader.recordAt(pos);
    if (record) {
      index.apply(record.entries, pos, record.length);
      pos += record.length;
      continue;
    }
    const next = await reader.nextRecordAfter(pos);
    if (next === undefined) {
      return {
        index,
        end: pos,
        damaged,
        tailBytes: size - pos,
        tailIsShort: await reader.isShort(pos),
      };
    }
    damaged.push({ start: pos, end: next });
    pos = next;
  }
  return { index, end: pos, damaged, tailBytes: 0, tailIsShort: false };
}

/** Buffered reads over the log: replay of thousands of small records must not cost a syscall each. */
class LogReader {
  #buf: Uint8Array = new Uint8Array(0);
  #bufStart = 0;

  constructor(
    readonly fh: FileHandle,
    readonly size: number,
    readonly format: RecordFormat,
  ) {}

  async bytesAt(pos: number, len: number): Promise<Uint8Array> {
    if (pos < this.#bufStart || pos + len > this.#bufStart + this.#buf.length) {
      this.#buf = await readAt(this.fh, pos, Math.min(Math.max(len, CHUNK), this.size - pos));
      this.#bufStart = pos;
    }
    return this.#buf.subarray(pos - this.#bufStart, pos - this.#bufStart + len);
  }

  /** The payload length announced at `pos`, if a whole header is there and the record fits. */
  async lengthAt(pos: number): Promise<number | undefined> {
    const { headerBytes } = this.format;
    if (pos < this.format.firstRecord || this.size - pos < headerBytes) return undefined;
    const length = announcedLength(await this.bytesAt(pos, headerBytes), this.format);
    if (length > MAX_PAYLOAD_BYTES || pos + headerBytes + length > this.size) return undefined;
    return length;
  }

  /** The intact record at `pos`, or undefined. */
  async recordAt(pos: number): Promise<{ length: number; entries: BatchEntry[] } | undefined> {
    const length = await this.lengthAt(pos);
    if (length === undefined) return undefined;
    const recordLength = this.format.headerBytes + length;
    const record = await this.bytesAt(pos, recordLength);
    const entries = recordIntact(record, this.format)
      ? decodeBatch(record, this.format)
      : undefined;
    return entries ? { length: recordLength, entries } : undefined;
  }

  /** True when the bytes at `pos` are a record header cut short, or announce more than is left. */
  async isShort(pos: number): Promise<boolean> {
    const { headerBytes } = this.format;
    if (this.size - pos < headerBytes) return true;
    const length = announcedLength(await this.bytesAt(pos, headerBytes), this.format);
    return length <= MAX_PAYLOAD_BYTES && pos + headerBytes + length > this.size;
  }

  /** Where the next intact record after a bad one at `bad` starts, if anywhere. */
  async nextRecordAfter(bad: number): Promise<number | undefined> {
    const { marker } = this.format;
    if (!marker) {
      // Format 1: no marker to search for; trust the bad record's length if it leads to a good one.
      const length = await this.lengthAt(bad);
      const next = length === undefined ? undefined : bad + this.format.headerBytes + length;
      return next !== undefined && (await this.recordAt(next)) ? next : undefined;
    }
    let from = bad + 1;
    while (from + marker.length <= this.size) {
      const chunk = await this.bytesAt(from, Math.min(CHUNK, this.size - from));
      const hit = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).indexOf(marker);
      if (hit < 0) {
        from += Math.max(1, chunk.length - marker.length + 1);
        continue;
      }
      if (await this.recordAt(from + hit)) return from + hit;
      from += hit + 1;
    }
    return undefined;
  }
}
