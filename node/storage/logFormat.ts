import type { Table } from '../../shared/storage/Storage.ts';
import { crc32 } from './crc32.ts';

/**
 * The store is one append-only file (format 2):
 *   LOG_MAGIC (8) || two header slots (logHeader.ts) || zero padding up to FIRST_RECORD || records
 * A record is
 *   RECORD_MARKER (4) || crc32 (u32 LE, over everything after it) || payloadLength (u32 LE) || payload
 * and its payload is one batch:
 *   opCount (u32 LE) || ops, each op = kind (u8: 1 put, 2 delete) || tableCode (u8) ||
 *   idLength (u16 LE) || id (ASCII) || [valueLength (u32 LE) || value]   (value for puts only)
 * A record is applied whole or not at all. The marker lets replay find the next record after a
 * damaged one (resynchronise); the checksum decides whether a record is intact.
 *
 * Format 1 (magic QUIRELG1) had no header and no marker: records `crc32 || length || payload`
 * right after the magic. It is still read, once, and rewritten as format 2 (openFileStorage).
 */
export const LOG_MAGIC = new Uint8Array([0x51, 0x55, 0x49, 0x52, 0x45, 0x4c, 0x47, 0x32]); // QUIRELG2
export const LOG_MAGIC_V1 = new Uint8Array([0x51, 0x55, 0x49, 0x52, 0x45, 0x4c, 0x47, 0x31]); // QUIRELG1
/** Where records start in a format 2 log: after the magic and the two header slots. */
export const FIRST_RECORD = 1024;
export const RECORD_MARKER = new Uint8Array([0xa9, 0x51, 0xc4, 0xd7]);
/** Largest payload written or accepted on replay (size cap before reading a record). */
export const MAX_PAYLOAD_BYTES = 256 * 1024 * 1024;
export const OP_PUT = 1;
export const OP_DELETE = 2;

/** How one format frames its records: checksum and length end the record header. */
export interface RecordFormat {
  readonly version: 1 | 2;
  readonly magic: Uint8Array;
  /** Offset of the first record in the file. */
  readonly firstRecord: number;
  /** Record header bytes: [marker] || crc32 || payloadLength. */
  readonly headerBytes: number;
  /** Present in format 2: the bytes every record starts with. */
  readonly marker: Uint8Array | undefined;
}

export const FORMAT_V2: RecordFormat = {
  version: 2,
  magic: LOG_MAGIC,
  firstRecord: FIRST_RECORD,
  headerBytes: 12,
  marker: RECORD_MARKER,
};

export const FORMAT_V1: RecordFormat = {
  version: 1,
  magic: LOG_MAGIC_V1,
  firstRecord: LOG_MAGIC_V1.length,
  headerBytes: 8,
  marker: undefined,
};

/** Record header bytes of the format every new record is written in. */
export const RECORD_HEADER_BYTES = FORMAT_V2.headerBytes;

/** One op of a record, with its value's position relative to the start of the record. */
export type BatchEntry =
  | {
      readonly op: 'put';
      readonly table: Table;
      readonly id: string;
      readonly valueOffset: number;
      readonly valueLength: number;
    }
  | { readonly op: 'delete'; readonly table: Table; readonly id: string };

const viewOf = (b: Uint8Array): DataView => new DataView(b.buffer, b.byteOffset, b.byteLength);

/** Fills the header of a record whose payload is already in place. */
export function sealRecord(record: Uint8Array, format: RecordFormat = FORMAT_V2): void {
  const view = viewOf(record);
  const crcAt = format.headerBytes - 8;
  if (format.marker) record.set(format.marker, 0);
  view.setUint32(crcAt + 4, record.length - format.headerBytes, true);
  view.setUint32(crcAt, crc32(record, crcAt + 4), true);
}

/** Payload length announced by a record header (`format.headerBytes` bytes). */
export function announcedLength(header: Uint8Array, format: RecordFormat = FORMAT_V2): number {
  return viewOf(header).getUint32(format.headerBytes - 4, true);
}

/**
 * True when a whole record (header and payload) is intact: length and checksum agree. The
 * marker is not required here: it only helps to find records, a flipped marker byte in an
 * otherwise intact record does not make it lost.
 */
export function recordIntact(record: Uint8Array, format: RecordFormat = FORMAT_V2): boolean {
  if (record.length < format.headerBytes) return false;
  const view = viewOf(record);
  const crcAt = format.headerBytes - 8;
  return (
    view.getUint32(crcAt + 4, true) === record.length - format.headerBytes &&
    view.getUint32(crcAt, true) === crc32(record, crcAt + 4)
  );
}
