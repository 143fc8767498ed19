import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { err, ok, type Result } from '../../shared/util/result.ts';

/**
 * Writes `data` to `path` so that the file is either the old one or the whole new one: a
 * temporary file beside it (created exclusively, owner-only), flushed to disk, then renamed over
 * the target. A failure removes the temporary file and leaves the target untouched.
 */
export async function writeFileAtomically(
  path: string,
  data: Uint8Array,
): Promise<Result<void, 'failed'>> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const file = await open(temporary, 'wx', 0o600);
    try {
      await file.writeFile(data);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temporary, path);
    return ok(undefined);
  } catch {
    await rm(temporary, { force: true }).catch(() => undefined);
    return err('failed');
  }
}
