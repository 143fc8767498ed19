import { type FileHandle, open } from 'node:fs/promises';
import { StorageError } from '../../shared/storage/StorageError.ts';

/** Writes all of `bytes` at `position` (a file write may be short). */
export async function writeAt(fh: FileHandle, bytes: Uint8Array, position: number): Promise<void> {
  let done = 0;
  while (done < bytes.length) {
    const { bytesWritten } = await fh.write(bytes, done, bytes.length - done, position + done);
    if (bytesWritten <= 0) throw new Error('short write');
    done += bytesWritten;
  }
}

/** Reads exactly `length` bytes at `position` into a fresh, unpooled Uint8Array. */
export async function readAt(
  fh: FileHandle,
  position: number,
  length: number,
): Promise<Uint8Array> {
  const out = new Uint8Array(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await fh.read(out, done, length - done, position + done);
    if (bytesRead <= 0) throw new Error('unexpected end of file');
    done += bytesRead;
  }
  return out;
}

/** fsyncs a directory so that creates, renames and unlinks in it survive power loss. */
export async function syncDir(dir: string): Promise<void> {
  const fh = await open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** The errno code of a Node fs error, if any. */
export const errorCode = (e: unknown): string | undefined =>
  typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string'
    ? (e as { code: string }).code
    : undefined;

/** Errno codes that mean "no room": the disk or the user's quota is full, or the file too big. */
const OUT_OF_SPACE = new Set(['ENOSPC', 'EDQUOT', 'EFBIG']);

/**
 * A failed file write as the port's typed error: 'full' when there was no room, else 'io'. The
 * message names the cause in words (the CLI shows it), never a path, id or byte.
 */
export function writeFailure(e: unknown, what: string): StorageError {
  if (e instanceof StorageError) return e;
  const code = errorCode(e);
  return code !== undefined && OUT_OF_SPACE.has(code)
    ? new StorageError('full', `${what}: disk full`, { cause: e })
    : new StorageError('io', `${what}: input/output error${code ? ` (${code})` : ''}`, {
        cause: e,
      });
}
