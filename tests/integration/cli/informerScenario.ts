import { expect } from 'vitest';
import type { PeerPool } from '../transport/peerProcess.ts';
import { ok, type QuireRunner } from './quireProcess.ts';
import { startCliCell } from './startCliCell.ts';

/**
 * Issue #14, "Done when": four `quire` members, one of them an informer who plays the wire doc
 * with its own valid keys (informerPeer.ts) while the others keep writing: a cost bomb, large
 * entries nobody can open, forks, replays, re-seals, junk, deep nesting, words under another
 * member's clientID, bogus proofs. The honest members must converge, hold every honest line,
 * never show the forged words, finish every sync within its timeout, and name the informer.
 */
const TITLE = 'Statement for Saturday';
const OPENING = 'The assembly meets at the library.';
const LINE_B = 'Boris: the printer confirmed 300 copies.';
const LINE_C = 'Chen: the back entrance stays open until nine.';
const INFORMER = 'Dmitri-Orlov';

export async function runInformerScenario(
  q: QuireRunner,
  pass: string,
  dir: string,
  pool: PeerPool,
): Promise<void> {
  const { signal, url, cell, c, home } = await startCliCell(q, dir, 'Saturday cell', [
    ['a', 'Anna-Kovalenko'],
    ['b', 'Boris-Melnyk'],
    ['c', 'Chen-Weilin'],
    ['d', INFORMER],
  ]);
  const write = async (w: string, text: string): Promise<void> => {
    ok(await q.run(['draft', 'write', '--home', home(w), ...c, '--title', TITLE], { stdin: text }));
  };
  const sync = (w: string) => q.run(['sync', '--home', home(w), ...c, '--timeout', '60']);
  const read = async (w: string): Promise<string> =>
    ok(await q.run(['draft', 'read', '--home', home(w), ...c, '--title', TITLE])).join('\n');

  await write('a', OPENING);
  const serve = q.start(['serve', '--home', home('a')]);
  for (const w of ['b', 'c', 'd']) ok(await sync(w), `sync ${w}`);

  // The informer attacks while Anna serves and the others write and sync.
  const informer = await pool.spawn('tests/integration/cli/informerPeer.ts', {
    name: 'informer',
    env: { QUIRE_PASSPHRASE: pass },
  });
  await informer.request('open', { home: home('d'), cell, signal: url, seed: 14 }, 60_000);
  await informer.request('bomb', {}, 30_000);
  await informer.request('junk', { count: 3, bytes: 3 * 1024 * 1024 }, 30_000);
  await informer.request('attack', { count: 40 }, 30_000);

  await write('b', `${OPENING}\n${LINE_B}`);
  const syncB = await sync('b');
  ok(syncB, 'sync b under attack');
  ok(await sync('c'), 'sync c under attack');
  await write('c', `${await read('c')}\n${LINE_C}`);
  await informer.request('attack', { count: 40 }, 30_000);
  ok(await sync('c'), 'sync c under attack');
  const { tally } = await informer.request<{ tally: Record<string, number> }>('tally', {}, 10_000);
  await informer.request('close', {}, 10_000);
  await informer.kill();

  // Everyone honest meets Anna once more; one at a time (two stale members could call each
  // other quiet), then all read the same text with both lines, and no forged words.
  const warnings: string[] = [];
  for (const w of ['b', 'c', 'b']) {
    const r = await sync(w);
    ok(r, `sync ${w}`);
    warnings.push(...r.stderr);
  }
  expect((await serve.stop()).code).toBe(0);
  const texts = await Promise.all(['a', 'b', 'c'].map(read));
  const where = `informer did ${JSON.stringify(tally)}`;
  expect(texts[1], where).toBe(texts[0]);
  expect(texts[2], where).toBe(texts[0]);
  for (const line of [OPENING, LINE_B, LINE_C]) expect(texts[0], where).toContain(line);
  expect(texts[0], where).not.toContain('never wrote');
  if ((tally.equivocations ?? 0) > 0)
    expect(warnings.join('\n'), where).toContain(`warning: ${INFORMER} signed two different`);
  expect((await signal.stop()).code).toBe(0);
}
