import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { done } from '../../../node/cli/CommandResult.ts';
import { findDraftDoc } from '../../../node/cli/findDraftDoc.ts';
import { withHome } from '../../../node/cli/Home.ts';
import { withCell } from '../../../node/cli/withCell.ts';
import { cliHomeWithCell } from '../../support/cliHomeWithCell.ts';
import { runQuireInMemory } from '../../support/runQuireInMemory.ts';
import { firstText } from '../cell/cellFixture.ts';
import { sid, suggestDelete, suggestInsert } from '../cell/suggestionFixture.ts';

const PASS = 'correct horse battery staple';
const cli = (argv: string[], stdin = '') =>
  runQuireInMemory(argv, { QUIRE_PASSPHRASE: PASS }, stdin);
const quiet = { env: {}, out: () => undefined, err: () => undefined } as const;

/** Writes suggestions into the home's draft as the editor would, through the member's runtime. */
async function suggestAsMember(home: string, cell: string, title: string): Promise<void> {
  const io = {
    ...quiet,
    readStdin: () => Promise.resolve(undefined),
    onStop: () => () => undefined,
  };
  const result = await withHome(home, { passphrase: PASS, io }, (opened) =>
    withCell(opened, cell, undefined, (runtime) => {
      const draft = findDraftDoc(runtime, title);
      if (!draft.ok) return Promise.resolve(draft.result);
      const text = firstText(draft.doc);
      // A mark naming someone else: the suggester shown is still the verified writer, Anna.
      suggestInsert(text, 12, 'again ', sid(1), { author: 'Boris', by: 'Boris' });
      suggestDelete(text, 0, 7, sid(2), { author: 'Boris' }); // 'Prices '
      return Promise.resolve(done());
    }),
  );
  if (!result.ok) throw new Error(`could not suggest: ${result.detail}`);
}

describe('quire draft read --with-suggestions, suggest list / accept / reject (issue #17)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'quire-suggest-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it(
    'shows suggestions with the verified suggester and settles them',
    { timeout: 120_000 },
    async () => {
      const { home, cell } = await cliHomeWithCell(dir, 'anna', PASS, { name: 'Printers' });
      const at = ['--home', home, '--cell', cell, '--title', 'Issue 12'];
      expect((await cli(['draft', 'write', ...at], 'Prices rose sharply.')).code).toBe(0);
      await suggestAsMember(home, cell, 'Issue 12');

      // As an export prints it: undecided, so without the insertion and with the deletion.
      expect((await cli(['draft', 'read', ...at])).stdout).toEqual(['Prices rose sharply.']);
      const marked = await cli(['draft', 'read', ...at, '--with-suggestions']);
      expect(marked.stdout).toEqual(['{--Prices --}{>>Anna<<}rose {++again ++}{>>Anna<<}sharply.']);

      const listed = await cli(['suggest', 'list', ...at]);
      expect(listed.code).toBe(0);
      const rows = listed.stdout.map((line) => line.split('\t'));
      expect(rows.map((row) => row.slice(1))).toEqual([
        ['delete', 'Anna', 'Prices '],
        ['insert', 'Anna', 'again '],
      ]);
      const insertRef = rows[1]?.[0] ?? '';
      expect(insertRef).toMatch(/^i:[0-9a-f]{32}:[0-9a-f]{16}$/);

      expect((await cli(['suggest', 'accept', ...at])).code).toBe(2);
      expect((await cli(['suggest', 'accept', ...at, '--ref', insertRef, '--all'])).code).toBe(2);
      const none = await cli(['suggest', 'accept', ...at, '--ref', 'i:nothing:here']);
      expect(none.code).toBe(1);

      const accepted = await cli(['suggest', 'accept', ...at, '--ref', insertRef]);
      expect(accepted.stdout).toEqual(['1']);
      const rejected = await cli(['suggest', 'reject', ...at, '--all']);
      expect(rejected.stdout).toEqual(['1']);
      expect((await cli(['draft', 'read', ...at, '--with-suggestions'])).stdout).toEqual([
        'Prices rose again sharply.',
      ]);
      expect((await cli(['suggest', 'list', ...at])).stdout).toEqual([]);
    },
  );
});
