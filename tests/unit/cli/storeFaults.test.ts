import { mkdtemp, open, readFile, rm, writeFile, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliHomeWithCell } from '../../support/cliHomeWithCell.ts';
import { runQuireInMemory } from '../../support/runQuireInMemory.ts';

/**
 * The `quire` CLI over a damaged or full store (issue 14, item 9). Demonstrated on the old CLI: a
 * byte flipped at 60% of store.log made the next `draft read` cut the log there, exit 0, every
 * later record gone; on a full disk `draft write` printed "sync store write failed" and exited 0.
 */
const PASS = 'correct horse battery staple';
const DRAFTS = 6;

const cli = (argv: string[], stdin = '') =>
  runQuireInMemory(argv, { QUIRE_PASSPHRASE: PASS }, stdin);

/** About 12 KB of distinct lines per draft, so the log holds many sizeable records. */
const textOf = (k: number): string[] =>
  Array.from(
    { length: 200 },
    (_, i) => `Draft ${k}, line ${i}: the leaflets go out on Tuesday, ${(k * 7919 + i) % 1000}.`,
  );

/**
 * A full disk as the kernel shows it: writes that would grow a file fail with ENOSPC, writes
 * inside its current size still succeed. Patched on FileHandle itself, so the CLI runs unchanged.
 */
async function diskFullSwitch(dir: string): Promise<{ set(full: boolean): void; restore(): void }> {
  const probe = await open(join(dir, 'probe'), 'w');
  const proto = Object.getPrototypeOf(probe) as { write: FileHandle['write'] };
  await probe.close();
  const realWrite = proto.write;
  let full = false;
  proto.write = async function (this: FileHandle, ...args: unknown[]) {
    if (full) {
      const [buffer, offset, length, position] = args as [
        Uint8Array,
        number | undefined,
        number | undefined,
        number | undefined,
      ];
      const size = (await this.stat()).size;
      const len = length ?? buffer.byteLength - (offset ?? 0);
      if (typeof position !== 'number' || position + len > size) {
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), {
          code: 'ENOSPC',
          errno: -28,
          syscall: 'write',
        });
      }
    }
    return (realWrite as (...a: unknown[]) => ReturnType<FileHandle['write']>).apply(this, args);
  };
  return {
    set: (value) => {
      full = value;
    },
    restore: () => {
      proto.write = realWrite;
    },
  };
}

describe('quire over a damaged or full store', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'quire-cli-faults-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const homeWithCell = (name: string) => cliHomeWithCell(dir, name, PASS);

  it(
    'a byte flipped at 60% of store.log: draft read exits 1 naming the damage, and every draft is still there',
    { timeout: 240_000 },
    async () => {
      const { home, cell } = await homeWithCell('flip');
      const at = (k: number) => ['--home', home, '--cell', cell, '--title', `Issue ${k}`];
      for (let k = 1; k <= DRAFTS; k++) {
        const w = await cli(['draft', 'write', ...at(k)], textOf(k).join('\n'));
        expect(w.code, w.stderr.join('\n')).toBe(0);
      }
      const path = join(home, 'store.log');
      const bytes = await readFile(path);
      expect(bytes.length).toBeGreaterThan(100_000);
      const flip = Math.floor(bytes.length * 0.6);
      bytes[flip] = bytes[flip]! ^ 0x10;
      await writeFile(path, bytes);

      // The first open finds the damage: the text is printed, and the exit code says what happened.
      const first = await cli(['draft', 'read', ...at(DRAFTS)]);
      expect(first.stdout).toEqual(textOf(DRAFTS));
      expect(first.code).toBe(1);
      expect(first.stderr).toHaveLength(1);
      expect(first.stderr[0]).toMatch(/^quire: the store in .* was damaged: \d+ bytes? kept aside/);
      for (let k = 1; k <= DRAFTS; k++) {
        const r = await cli(['draft', 'read', ...at(k)]);
        expect(r.stdout, `draft ${k}`).toEqual(textOf(k));
        expect(r.code).toBe(0); // the damage was kept aside and reported once
      }
    },
  );

  it(
    'a full disk: draft write exits 1 with a clear message, and nothing half-written is left',
    { timeout: 120_000 },
    async () => {
      const { home, cell } = await homeWithCell('full');
      const at = ['--home', home, '--cell', cell, '--title', 'Issue 1'];
      expect((await cli(['draft', 'write', ...at], 'first text')).code).toBe(0);
      const disk = await diskFullSwitch(dir);
      let written;
      try {
        disk.set(true);
        written = await cli(['draft', 'write', ...at], 'second text');
      } finally {
        disk.restore();
      }
      expect(written.code).toBe(1);
      expect(written.stderr).toEqual(['quire: the store could not be written: disk full']);
      const read = await cli(['draft', 'read', ...at]);
      expect(read).toEqual({ code: 0, stdout: ['first text'], stderr: [] });
    },
  );
});
