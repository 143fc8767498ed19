import type { FileHandle } from 'node:fs/promises';
import type { VaultCopy } from './LogIndex.ts';
import { readAt, writeAt } from './logIo.ts';
import { FORMAT_V2, type RecordFormat, sealRecord } from './logFormat.ts';

/**
 * Overwrites vault values in place with zeros and re-seals their records, so the log stays a
 * valid log (a crash mid-wipe leaves no corrupt record that would cut off the rest) while the
 * wrapped vault key is gone from the file. Best effort on flash and journaling file systems.
 */
export async function scrubVaultCopies(
  fh: FileHandle,
  copies: readonly VaultCopy[],
  format: RecordFormat = FORMAT_V2,
): Promise<void> {
  for (const c of copies) {
    const record = await readAt(fh, c.recordStart, c.recordLength);
    const from = c.offset - c.recordStart;
    record.fill(0, from, from + c.length);
    sealRecord(record, format);
    await writeAt(fh, record, c.recordStart);
  }
  if (copies.length > 0) await fh.datasync();
}

/**
 * After a new vault header is durable: zeroes every older copy of it still in the current log
 * (a passphrase change, a duress passphrase set or used to destroy the other slot must not leave
 * the previous header readable until the next compaction), keeping only the newest.
 */
export async function scrubSupersededVaultCopies(
  fh: FileHandle,
  copies: VaultCopy[],
  format: RecordFormat = FORMAT_V2,
): Promise<void> {
  const old = copies.slice(0, -1);
  if (old.length === 0) return;
  await scrubVaultCopies(fh, old, format);
  copies.splice(0, old.length);
}
