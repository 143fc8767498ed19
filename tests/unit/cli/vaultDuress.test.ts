import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runQuireInMemory } from '../../support/runQuireInMemory.ts';

const PASS = 'correct horse battery staple';
const DURESS = 'thursday tea and biscuits';
const CANARY = 'CANARY-7f3a-real-cell-minutes';

const cli = (argv: string[], env: Record<string, string>, stdin = '') =>
  runQuireInMemory(argv, env, stdin);

describe('quire vault duress set', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'quire-duress-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it(
    'a duress passphrase in QUIRE_PASSPHRASE opens only the decoy home; the real one is intact',
    { timeout: 120_000 },
    async () => {
      const home = join(dir, 'h');
      const real = { QUIRE_PASSPHRASE: PASS };
      const duress = { QUIRE_PASSPHRASE: DURESS };
      expect((await cli(['init', '--home', home], real)).code).toBe(0);
      const created = await cli(
        ['cell', 'create', '--home', home, '--name', CANARY, '--pseudonym', 'Vera'].concat([
          '--signal',
          'ws://127.0.0.1:9',
        ]),
        real,
      );
      const [cell] = created.stdout;
      expect(cell).toMatch(/^[0-9a-f]{32}$/);
      const draft = ['draft', 'write', '--home', home, '--cell', cell!, '--title', 'Minutes'];
      expect((await cli(draft, real, `${CANARY}\n`)).code).toBe(0);

      const missing = await cli(
        ['vault', 'duress', 'set', '--home', home, '--signal', 'ws://127.0.0.1:9'],
        real,
      );
      expect(missing.code).toBe(2);
      const set = await cli(
        ['vault', 'duress', 'set', '--home', home, '--signal', 'ws://127.0.0.1:9'].concat([
          '--template',
          'newsletter',
          '--language',
          'ru',
        ]),
        { ...real, QUIRE_DURESS_PASSPHRASE: DURESS },
      );
      expect(set.code).toBe(0);
      const [decoyCell] = set.stdout;
      expect(decoyCell).toMatch(/^[0-9a-f]{32}$/);

      // The duress passphrase: the decoy's cell works, the real cell does not exist.
      const tasks = await cli(['task', 'list', '--home', home, '--cell', decoyCell!], duress);
      expect(tasks.code).toBe(0);
      expect(tasks.stdout.join('\n')).toContain('Напечатать 60 экземпляров');
      const read = await cli(
        ['draft', 'read', '--home', home, '--cell', decoyCell!, '--title', 'Весенний выпуск'],
        duress,
      );
      expect(read.code).toBe(0);
      expect(read.stderr).toEqual([]);
      const hidden = await cli(['member', 'list', '--home', home, '--cell', cell!], duress);
      expect(hidden).toEqual({
        code: 1,
        stdout: [],
        stderr: [`quire: no cell ${cell!} in this home`],
      });
      // The decoy can keep being used (a lived-in decoy).
      const more = ['task', 'add', '--home', home, '--cell', decoyCell!, '--title', 'Клей'];
      expect((await cli(more, duress)).code).toBe(0);

      // The real passphrase: the real cell and its canary, untouched.
      const back = await cli(
        ['draft', 'read', '--home', home, '--cell', cell!, '--title', 'Minutes'],
        real,
      );
      expect(back).toEqual({ code: 0, stdout: [CANARY], stderr: [] });

      // The canary is nowhere on disk in clear, hex or base64.
      const disk = await readFile(join(home, 'store.log'));
      for (const form of [
        Buffer.from(CANARY),
        Buffer.from(Buffer.from(CANARY).toString('hex')),
        Buffer.from(Buffer.from(CANARY).toString('base64').slice(0, 24)),
      ])
        expect(disk.includes(form)).toBe(false);
    },
  );
});
