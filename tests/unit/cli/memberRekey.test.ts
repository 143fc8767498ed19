import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toHex } from '../../../shared/crypto/bytes.ts';
import { computeRoster } from '../../../shared/roster/computeRoster.ts';
import { safetyWords } from '../../../shared/identity/safetyWords.ts';
import { openHome } from '../../../node/cli/Home.ts';
import { runQuireInMemory } from '../../support/runQuireInMemory.ts';

const PASS = 'correct horse battery staple';

const cli = (argv: string[]) => runQuireInMemory(argv, { QUIRE_PASSPHRASE: PASS });

async function record(home: string, cell: string) {
  const opened = await openHome(home, PASS);
  if (!opened.ok) throw new Error(opened.error);
  const r = opened.value.records().find((x) => x.cellIdHex === cell);
  await opened.value.close();
  if (!r) throw new Error('no record');
  return r;
}

describe('quire member rekey', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'quire-rekey-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it(
    'moves the member to new keys, prints the new safety words, and (a coordinator) rotates',
    {
      timeout: 90_000,
    },
    async () => {
      const home = join(dir, 'h');
      expect((await cli(['init', '--home', home])).code).toBe(0);
      const created = await cli([
        'cell',
        'create',
        '--home',
        home,
        '--name',
        'Cell',
        '--pseudonym',
        'Anna',
        '--signal',
        'ws://127.0.0.1:9',
      ]);
      const cell = created.stdout[0]!;
      const before = await record(home, cell);
      const r = await cli(['member', 'rekey', '--home', home, '--cell', cell]);
      expect(r.stderr).toEqual([]);
      expect(r.code).toBe(0);
      const after = await record(home, cell);
      // The coordinator's rotation brings a rebox at once: the words printed stay those of the
      // identity the rekey made (its box key then), not of the box key after it.
      expect(after.formerBoxKeys?.length).toBe(1);
      const rekeyedWith = after.formerBoxKeys![0]!.boxPk;
      expect(r.stdout).toEqual([safetyWords(after.identity.signPk, rekeyedWith).join(' ')]);
      const oldHex = toHex(before.identity.signPk);
      expect(toHex(after.identity.signPk)).not.toBe(oldHex);
      expect(after.retired?.map((x) => toHex(x.signPk))).toEqual([oldHex]);
      const roster = computeRoster(after.rosterOps, { cellId: after.cellId });
      expect(roster.rekeyed.get(oldHex)).toBe(toHex(after.identity.signPk));
      expect(roster.epoch).toBe(1);
      expect(roster.rotationNeeded).toBe(false);
      expect(after.epochKeys.has(1)).toBe(true);
      const list = await cli(['member', 'list', '--home', home, '--cell', cell]);
      expect(list.stdout).toEqual(['Anna\tcoordinator']);
      const missing = await cli(['member', 'rekey', '--home', home, '--cell', '00'.repeat(16)]);
      expect(missing.code).toBe(1);
      const help = await cli(['--help']);
      expect(help.stdout.join('\n')).toContain('quire member rekey --home DIR --cell ID');
    },
  );
});
