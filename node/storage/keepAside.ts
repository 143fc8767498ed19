import { type FileHandle, open, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { readAt, syncDir, writeAt } from './logIo.ts';
import type { ByteRange } from './replayLog.ts';

/** Damaged bytes are kept next to the log as store.log.damaged-1, -2, … */
export const DAMAGED_PREFIX = 'store.log.damaged-';
/** A copy being written; a leftover one is deleted on open. */
export const DAMAGED_TMP = 'store.log.damaged.tmp';

const DAMAGED_NAME = /^store\.log\.damaged-(\d{1,9})$/;
const CHUNK = 1024 * 1024;

/** The names of every kept-aside file in `dir`. */
export async function damagedFiles(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((name) => DAMAGED_NAME.test(name));
}

/**
 * Copies each range of the log byte for byte into a new file of its own (mode 0600), fsynced,
 * renamed into place, the directory fsynced last. Returns each range's file name, or undefined
 * where the copy failed (out of space, I/O error): the caller must then keep those bytes in the
 * log. `fault` is the test seam of FileStorageOptions.
 */
export async function keepAside(
  dir: string,
  fh: FileHandle,
  ranges: readonly ByteRange[],
  fault?: () => void,
): Promise<(string | undefined)[]> {
  if (ranges.length === 0) return [];
  let next = 1;
  for (const name of await damagedFiles(dir)) {
    next = Math.max(next, Number(DAMAGED_NAME.exec(name)?.[1] ?? 0) + 1);
  }
  const tmp = join(dir, DAMAGED_TMP);
  const names: (string | undefined)[] = [];
  for (const range of ranges) {
    try {
      fault?.();
      const out = await open(tmp, 'w', 0o600);
      try {
        for (let at = range.start; at < range.end; at += CHUNK) {
          const bytes = await readAt(fh, at, Math.min(CHUNK, range.end - at));
          await writeAt(out, bytes, at - range.start);
        }
        await out.datasync();
      } finally {
        await out.close();
      }
      const name = `${DAMAGED_PREFIX}${next++}`;
      await rename(tmp, join(dir, name));
      names.push(name);
    } catch {
      await rm(tmp, { force: true }).catch(() => undefined);
      names.push(undefined);
    }
  }
  try {
    await syncDir(dir);
  } catch {
    return names.map(() => undefined); // the copies may not survive a power cut: not kept
  }
  return names;
}

/** Overwrites every kept-aside file with zeros, fsyncs and deletes it (panic wipe). Never throws. */
export async function destroyKeptAside(dir: string): Promise<void> {
  const names = await damagedFiles(dir).catch((): string[] => []);
  for (const name of [...names, DAMAGED_TMP]) {
    const path = join(dir, name);
    try {
      const fh = await open(path, 'r+');
      try {
        const size = (await fh.stat()).size;
        for (let at = 0; at < size; at += CHUNK) {
          await writeAt(fh, new Uint8Array(Math.min(CHUNK, size - at)), at);
        }
        await fh.datasync();
      } finally {
        await fh.close();
      }
    } catch {
      // Missing, or unwritable: it is deleted below all the same.
    }
    await rm(path, { force: true }).catch(() => undefined);
  }
}
