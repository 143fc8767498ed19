import { type FileHandle, open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { TABLES, type WriteOp } from '../../shared/storage/Storage.ts';
import { encodeBatch } from './encodeBatch.ts';
import { LogIndex } from './LogIndex.ts';
import { readAt, writeAt } from './logIo.ts';
import { FIRST_RECORD } from './logFormat.ts';
import { newLogHead } from './logHeader.ts';

export const LOG_NAME = 'store.log';
export const COMPACT_NAME = 'store.log.compact';

/** Live rows are copied in records of about this many value bytes. */
const CHUNK_BYTES = 1024 * 1024;

export interface Compacted {
  readonly fh: FileHandle;
  readonly size: number;
  readonly index: LogIndex;
}

/**
 * Rewrites the live rows of `from` (any format) into a new format 2 log, fsyncs it and renames
 * it over the old one.
 * Until the rename the old log is untouched and authoritative (a leftover COMPACT_NAME is
 * deleted on open); after it the new one is. The caller must fsync the directory next and
 * close `from`. On failure before the rename the temporary file is removed and this throws.
 */
export async function compactLog(
  dir: string,
  from: FileHandle,
  index: LogIndex,
): Promise<Compacted> {
  const tmp = join(dir, COMPACT_NAME);
  const out = await open(tmp, 'w+', 0o600);
  try {
    const next = new LogIndex();
    let size = FIRST_RECORD;
    let batch: WriteOp[] = [];
    let pending = 0;
    const flush = async (): Promise<void> => {
      if (batch.length === 0) return;
      const { record, entries } = encodeBatch(batch);
      await writeAt(out, record, size);
      next.apply(entries, size, record.length);
      size += record.length;
      batch = [];
      pending = 0;
    };
    for (const table of TABLES) {
      for (const [id, loc] of index.entries(table)) {
        batch.push({ op: 'put', table, id, bytes: await readAt(from, loc.offset, loc.length) });
        pending += loc.length;
        if (pending >= CHUNK_BYTES) await flush();
      }
    }
    await flush();
    await writeAt(out, newLogHead(size), 0); // magic and header last: a half-written copy is never a log
    await out.datasync();
    await rename(tmp, join(dir, LOG_NAME));
    return { fh: out, size, index: next };
  } catch (e) {
    await out.close().catch(() => undefined);
    await rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  }
}
