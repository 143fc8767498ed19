import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomically } from '../../../electron/main/writeFileAtomically.ts';
import { err, ok } from '../../../shared/util/result.ts';

describe('writeFileAtomically', () => {
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'quire-save-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes the bytes, owner-only, and leaves no temporary file', async () => {
    const path = join(dir, 'issue.pdf');
    expect(await writeFileAtomically(path, new Uint8Array([1, 2, 3]))).toEqual(ok(undefined));
    expect(Array.from(await readFile(path))).toEqual([1, 2, 3]);
    if (process.platform !== 'win32') expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(await readdir(dir)).toEqual(['issue.pdf']);
  });

  it('replaces an existing file whole', async () => {
    const path = join(dir, 'issue.md');
    await writeFile(path, 'old text, longer than the new one');
    expect(await writeFileAtomically(path, new TextEncoder().encode('new'))).toEqual(ok(undefined));
    expect(await readFile(path, 'utf8')).toBe('new');
  });

  it('fails cleanly where it cannot write: the target untouched, nothing left behind', async () => {
    expect(await writeFileAtomically(join(dir, 'missing', 'a.pdf'), new Uint8Array([1]))).toEqual(
      err('failed'),
    );
    // A directory in the way: the rename fails after the temporary file was written.
    const blocked = join(dir, 'taken');
    await writeFile(join(dir, 'keep'), 'x');
    await mkdir(blocked);
    await writeFile(join(blocked, 'inside'), 'y');
    expect(await writeFileAtomically(blocked, new Uint8Array([1]))).toEqual(err('failed'));
    expect((await readdir(dir)).sort()).toEqual(['keep', 'taken']);
    expect(await readdir(blocked)).toEqual(['inside']);
  });
});
