import { type FileHandle, open } from 'node:fs/promises';
import { join } from 'node:path';
import { LOG_NAME } from './compactLog.ts';
import { errorCode, readAt, syncDir, writeAt } from './logIo.ts';
import { LOG_MAGIC } from './logFormat.ts';
import { StorageError } from '../../shared/storage/StorageError.ts';

/** Opens or creates the log; a file that is not (the start of) a Quire log is left untouched. */
export async function openLogFile(dir: string): Promise<FileHandle> {
  const path = join(dir, LOG_NAME);
  let fh: FileHandle;
  try {
    fh = await open(path, 'r+');
  } catch (e) {
    if (errorCode(e) !== 'ENOENT') throw e;
    fh = await open(path, 'wx+', 0o600);
  }
  try {
    await fh.chmod(0o600);
    const size = (await fh.stat()).size;
    const head = await readAt(fh, 0, Math.min(size, LOG_MAGIC.length));
    if (head.some((b, i) => b !== LOG_MAGIC[i])) {
      throw new StorageError('foreign-file', 'not a Quire store log');
    }
    if (size < LOG_MAGIC.length) {
      // New, or a creation interrupted before its header was durable.
      await fh.truncate(0);
      await writeAt(fh, LOG_MAGIC, 0);
      await fh.datasync();
      await syncDir(dir);
    }
    return fh;
  } catch (e) {
    await fh.close();
    throw e;
  }
}
