import type { FileHandle } from 'node:fs/promises';
import type { FaultStep } from './FileStorageOptions.ts';
import { encodeSlot, slotOffset } from './logHeader.ts';
import { writeAt, writeFailure } from './logIo.ts';
import type { StorageError } from '../../shared/storage/StorageError.ts';

/** The log file being written: where its records end and which header slot was written last. */
export interface LogTail {
  fh: FileHandle;
  size: number;
  slotCounter: number;
}

/**
 * Appends one record at the end of the log and rewrites the next header slot (durableEnd: the
 * old end, fsynced by the previous append; end: the new end), then fsyncs both at once. Resolves
 * only once durable, and then moves `tail.size`. On failure the file is cut back to the old end
 * and this rejects with the typed error ('full' or 'io') and `tailLost` telling whether even the
 * cut failed (then the file's end is unknown and nothing more may be appended).
 */
export async function appendRecord(
  tail: LogTail,
  record: Uint8Array,
  fault?: (step: FaultStep) => void,
): Promise<{ ok: true } | { ok: false; error: StorageError; tailLost: boolean }> {
  const start = tail.size;
  const end = start + record.length;
  try {
    fault?.('append');
    await writeAt(tail.fh, record, start);
    await writeSlot(tail, start, end, false, fault);
    fault?.('sync');
    await tail.fh.datasync();
  } catch (e) {
    let tailLost = false;
    try {
      await tail.fh.truncate(start);
      await tail.fh.datasync();
    } catch {
      tailLost = true;
    }
    return { ok: false, error: writeFailure(e, 'the store could not be written'), tailLost };
  }
  tail.size = end;
  return { ok: true };
}

/** Rewrites the next header slot in place: bytes before `durableEnd` are acknowledged, the log ends at `end`. */
export async function writeSlot(
  tail: LogTail,
  durableEnd: number,
  end: number,
  sync: boolean,
  fault?: (step: FaultStep) => void,
): Promise<void> {
  const counter = tail.slotCounter + 1;
  fault?.('header');
  await writeAt(tail.fh, encodeSlot({ counter, durableEnd, end }), slotOffset(counter));
  tail.slotCounter = counter;
  if (sync) await tail.fh.datasync();
}
