import { type FileHandle, open, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { COMPACT_NAME, LOG_NAME } from './compactLog.ts';
import { newLogHead, readHeader } from './logHeader.ts';
import { errorCode, readAt, syncDir, writeAt } from './logIo.ts';
import { FIRST_RECORD, FORMAT_V1, FORMAT_V2, type RecordFormat } from './logFormat.ts';
import { StorageError } from '../../shared/storage/StorageError.ts';

export interface OpenedLog {
  readonly fh: FileHandle;
  readonly format: RecordFormat;
  /** The file was shorter than a log's magic: it lost (at least) its whole header. */
  readonly headless: boolean;
  /** The magic bytes were damaged, but a header slot proved the file is our log. */
  readonly magicDamaged: boolean;
}

const isPrefixOf = (head: Uint8Array, magic: Uint8Array): boolean =>
  head.every((b, i) => b === magic[i]);

/**
 * Opens the log, creating it if there is none. A new log is written whole under a temporary
 * name, fsynced and renamed into place, so an existing log that is shorter than its header can
 * only have been cut short: it is reported, never taken for a fresh one. A file that is not
 * (the start of) a Quire log is left untouched ('foreign-file').
 */
export async function openLogFile(dir: string): Promise<OpenedLog> {
  const path = join(dir, LOG_NAME);
  let fh: FileHandle;
  try {
    fh = await open(path, 'r+');
  } catch (e) {
    if (errorCode(e) !== 'ENOENT') throw e;
    await createLogFile(dir);
    fh = await open(path, 'r+');
  }
  try {
    await fh.chmod(0o600);
    const size = (await fh.stat()).size;
    const head = await readAt(fh, 0, Math.min(size, FORMAT_V2.magic.length));
    if (head.length === FORMAT_V2.magic.length) {
      if (isPrefixOf(head, FORMAT_V2.magic)) return opened(fh, FORMAT_V2);
      if (isPrefixOf(head, FORMAT_V1.magic)) return opened(fh, FORMAT_V1);
      if ((await readHeader(fh, size)).slot)
        return { ...opened(fh, FORMAT_V2), magicDamaged: true };
    } else if (isPrefixOf(head, FORMAT_V2.magic) || isPrefixOf(head, FORMAT_V1.magic)) {
      return { ...opened(fh, FORMAT_V2), headless: true };
    }
    throw new StorageError('foreign-file', 'not a Quire store log');
  } catch (e) {
    await fh.close();
    throw e;
  }
}

const opened = (fh: FileHandle, format: RecordFormat): OpenedLog => ({
  fh,
  format,
  headless: false,
  magicDamaged: false,
});

async function createLogFile(dir: string): Promise<void> {
  const tmp = join(dir, COMPACT_NAME);
  const out = await open(tmp, 'w', 0o600);
  try {
    await writeAt(out, newLogHead(FIRST_RECORD), 0);
    await out.datasync();
  } finally {
    await out.close();
  }
  await rename(tmp, join(dir, LOG_NAME));
  await syncDir(dir);
}
