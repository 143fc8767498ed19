import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHome } from '../../../node/cli/Home.ts';
import { cliHomeWithCell } from '../../support/cliHomeWithCell.ts';
import { runQuireInMemory } from '../../support/runQuireInMemory.ts';
import { RelayWorld } from './relayFixture.ts';

const PASS = 'correct horse battery staple';
const cli = (argv: string[], stdin = '') =>
  runQuireInMemory(argv, { QUIRE_PASSPHRASE: PASS }, stdin);

describe('quire comment add / list (issue #17 item 6)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'quire-comments-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it(
    'comments on a quote of a draft and lists it under the verified author',
    { timeout: 120_000 },
    async () => {
      const { home, cell } = await cliHomeWithCell(dir, 'anna', PASS, { name: 'Printers' });
      const at = ['--home', home, '--cell', cell, '--title', 'Issue 12'];
      const text = 'Prices rose again.\nThe plant closes on Friday.';
      expect((await cli(['draft', 'write', ...at], text)).code).toBe(0);

      const added = await cli([
        'comment',
        'add',
        ...at,
        '--on',
        'closes on Friday',
        '--text',
        'Source?\nWho said so',
      ]);
      expect(added.code, added.stderr.join('\n')).toBe(0);
      expect(added.stdout[0]).toMatch(/^[0-9a-f]{32}$/);
      const listed = await cli(['comment', 'list', ...at]);
      expect(listed.code).toBe(0);
      expect(listed.stdout).toEqual([
        [added.stdout[0], 'open', 'Anna', 'closes on Friday', 'Source? Who said so'].join('\t'),
      ]);

      // Text the draft does not say, and an empty comment: refused, nothing written.
      const missing = await cli([
        'comment',
        'add',
        ...at,
        '--on',
        'closes on Monday',
        '--text',
        'x',
      ]);
      expect(missing.code).toBe(1);
      expect(missing.stderr.join('\n')).toMatch(/does not say the --on text/);
      const empty = await cli(['comment', 'add', ...at, '--on', 'Prices', '--text', '   ']);
      expect(empty.code).toBe(2);
      const again = await cli(['comment', 'list', ...at]);
      expect(again.stdout).toHaveLength(1);
      const nodraft = await cli(['comment', 'list', ...at.slice(0, 4), '--title', 'Issue 13']);
      expect(nodraft.code).toBe(1);
    },
  );

  it(
    'cell comments: a coordinator lets readers comment or only read; a reader may not choose',
    { timeout: 120_000 },
    async () => {
      const { home, cell } = await cliHomeWithCell(dir, 'vera', PASS, { pseudonym: 'Vera' });
      const at = ['--home', home, '--cell', cell];
      expect((await cli(['cell', 'comments', ...at])).stdout).toEqual([
        'readers\toff',
        'now\trefused',
      ]);
      const on = await cli(['cell', 'comments', ...at, '--readers', 'on']);
      expect(on.code, on.stderr.join('\n')).toBe(0);
      expect(on.stdout).toEqual(['readers\ton', 'now\tallowed']);
      // Kept in the cell index: another run reads it back.
      expect((await cli(['cell', 'comments', ...at])).stdout).toEqual([
        'readers\ton',
        'now\tallowed',
      ]);
      const off = await cli(['cell', 'comments', ...at, '--readers', 'off']);
      // Off stops readers from the next key change on (`cell rotate`); this epoch stays granted.
      expect(off.stdout).toEqual(['readers\toff', 'now\tallowed']);
      const rotated = await cli(['cell', 'rotate', ...at]);
      expect(rotated.code, rotated.stderr.join('\n')).toBe(0);
      expect((await cli(['cell', 'comments', ...at])).stdout).toEqual([
        'readers\toff',
        'now\trefused',
      ]);
      const bad = await cli(['cell', 'comments', ...at, '--readers', 'maybe']);
      expect(bad.code).toBe(2);

      // A home where this person is only a reader, in a cell that never let readers comment.
      const { world, a } = await RelayWorld.create();
      const reader = await world.admit(a, 'Rita', 'reader');
      await a.close();
      const opened = await openHome(home, PASS);
      if (!opened.ok) throw new Error(opened.error);
      await opened.value.upsert(reader);
      await opened.value.close();
      const asReader = ['--home', home, '--cell', reader.cellIdHex];
      const choose = await cli(['cell', 'comments', ...asReader, '--readers', 'on']);
      expect(choose.code).toBe(3);
      expect(choose.stderr).toEqual(['quire: only a coordinator can do this']);
      const add = await cli([
        'comment',
        'add',
        ...asReader,
        '--title',
        'T',
        '--on',
        'x',
        '--text',
        'y',
      ]);
      expect(add.code).toBe(3);
      expect(add.stderr).toEqual(['quire: a reader cannot write in this cell']);
    },
  );
});
