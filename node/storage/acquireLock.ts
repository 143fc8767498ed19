import { open, readFile, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { randomBytes } from '../../shared/crypto/randomBytes.ts';
import { errorCode } from './logIo.ts';
import { StorageError } from '../../shared/storage/StorageError.ts';

export const LOCK_NAME = 'lock';

export interface StoreLock {
  release(): Promise<void>;
}

/** Lock files this process holds: tells our own lock from a stale one left under a reused pid. */
const held = new Set<string>();

/** A lock file younger than this with no readable pid is being written by its owner right now. */
const FRESH_MS = 5000;

/**
 * Takes `dir/lock` with O_CREAT|O_EXCL, writing `pid\nnonce\n`, so two processes (or two
 * opens in one process) never write the same store. A lock whose pid is dead is stale and
 * is broken. Limit: a dead owner's pid reused by an unrelated live process keeps the store
 * locked until that process exits or the lock file is removed by hand.
 */
export async function acquireLock(dir: string): Promise<StoreLock> {
  const path = join(resolve(dir), LOCK_NAME);
  const token = `${process.pid}\n${Array.from(randomBytes(16), (b) => b.toString(16).padStart(2, '0')).join('')}\n`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fh = await open(path, 'wx', 0o600);
      try {
        await fh.writeFile(token);
        await fh.sync();
      } finally {
        await fh.close();
      }
      held.add(path);
      return { release: () => release(path, token) };
    } catch (e) {
      if (errorCode(e) !== 'EEXIST')
        throw new StorageError('io', 'cannot create lock', { cause: e });
    }
    if (!(await isStale(path))) throw new StorageError('locked', 'the store is open elsewhere');
    await rm(path, { force: true });
  }
  throw new StorageError('locked', 'the store lock keeps changing hands');
}

async function release(path: string, token: string): Promise<void> {
  held.delete(path);
  const current = await readFile(path, 'utf8').catch(() => undefined);
  if (current === token) await rm(path, { force: true });
}

async function isStale(path: string): Promise<boolean> {
  if (held.has(path)) return false;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    return errorCode(e) === 'ENOENT'; // vanished: retry the create
  }
  const pid = Number(text.split('\n')[0]);
  if (!Number.isSafeInteger(pid) || pid <= 0) {
    const age = await stat(path).then(
      (s) => Date.now() - s.mtimeMs,
      () => Infinity,
    );
    return age > FRESH_MS;
  }
  if (pid === process.pid) return true; // not in `held`: left by an earlier process with our pid
  try {
    process.kill(pid, 0);
    return false;
  } catch (e) {
    return errorCode(e) === 'ESRCH'; // EPERM: alive, owned by someone else
  }
}
