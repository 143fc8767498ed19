import type { Table } from '../../shared/storage/Storage.ts';
import { crc32 } from './crc32.ts';

/**
 * The store is one append-only file: LOG_MAGIC, then records. A record is
 *   crc32(u32 LE, over everything after it) || payloadLength (u32 LE) || payload
 * and its payload is one batch:
 *   opCount (u32 LE) || ops, each op = kind (u8: 1 put, 2 delete) || tableCode (u8) ||
 *   idLength (u16 LE) || id (ASCII) || [valueLength (u32 LE) || value]   (value for puts only)
 * A record is applied whole or not at all: replay stops at the first record that is short,
 * fails its checksum or does not parse.
 */
export const LOG_MAGIC = new Uint8Array([0x51, 0x55, 0x49, 0x52, 0x45, 0x4c, 0x47, 0x31]); // QUIRELG1
export const RECORD_HEADER_BYTES = 8;
/** Largest payload written or accepted on replay (size cap before reading a record). */
export const MAX_PAYLOAD_BYTES = 256 * 1024 * 1024;
export const OP_PUT = 1;
export const OP_DELETE = 2;

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

/** Fills the header of a record whose payload is already in place. */
export function sealRecord(record: Uint8Array): void {
  const view = new DataView(record.buffer, record.byteOffset, record.byteLength);
  view.setUint32(4, record.length - RECORD_HEADER_BYTES, true);
  view.setUint32(0, crc32(record, 4), true);
}

/** Payload length announced by a record header (8 bytes). */
export function announcedLength(header: Uint8Array): number {
  return new DataView(header.buffer, header.byteOffset, header.byteLength).getUint32(4, true);
}

/** True when a whole record (header and payload) is intact. */
export function recordIntact(record: Uint8Array): boolean {
  if (record.length < RECORD_HEADER_BYTES) return false;
  const view = new DataView(record.buffer, record.byteOffset, record.byteLength);
  return (
    view.getUint32(4, true) === record.length - RECORD_HEADER_BYTES &&
    view.getUint32(0, true) === crc32(record, 4)
  );
}
