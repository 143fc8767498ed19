import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliHomeWithCell } from '../../support/cliHomeWithCell.ts';
import { runQuireInMemory } from '../../support/runQuireInMemory.ts';

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
});
