import { join } from 'node:path';
import { expect } from 'vitest';
import { ok, type QuireRunner, type Running } from './quireProcess.ts';

export interface CliCell {
  readonly signal: Running;
  readonly url: string;
  readonly cell: string;
  /** `--cell ID`, for every command. */
  readonly c: readonly string[];
  readonly home: (who: string) => string;
}

/**
 * The common start of the CLI scenarios: a rendezvous server (`quire signal --port 0`), one home
 * per person, a cell the first creates as coordinator, and everyone else joined by their own
 * invite while the coordinator serves with --approve-all. `people` maps home name -> pseudonym.
 */
export async function startCliCell(
  q: QuireRunner,
  dir: string,
  cellName: string,
  people: readonly (readonly [string, string])[],
): Promise<CliCell> {
  const home = (who: string): string => join(dir, who);
  const signal = q.start(['signal', '--port', '0']);
  const url = (await signal.waitForLine(/^listening (ws:\/\/127\.0\.0\.1:\d+)$/, 30_000))[1]!;
  await Promise.all(people.map(async ([w]) => ok(await q.run(['init', '--home', home(w)]))));
  const [[first, firstName], ...joiners] = people as [
    readonly [string, string],
    ...(readonly [string, string])[],
  ];
  const [cell] = ok(
    await q.run([
      'cell',
      'create',
      '--home',
      home(first),
      '--name',
      cellName,
      '--pseudonym',
      firstName,
      '--signal',
      url,
    ]),
  );
  expect(cell).toMatch(/^[0-9a-f]{32}$/);
  const c = ['--cell', cell!];
  const codes: string[] = [];
  for (let i = 0; i < joiners.length; i++) {
    const expiry = i % 2 === 1 ? ['--expires', '1h'] : [];
    const [code] = ok(await q.run(['invite', 'create', '--home', home(first), ...c, ...expiry]));
    expect(code).toMatch(/^QUIRE1-/);
    codes.push(code!);
  }
  const serve = q.start(['serve', '--home', home(first), '--approve-all']);
  const joined = await Promise.all(
    joiners.map(([w, name], i) =>
      q.run([
        'join',
        '--home',
        home(w),
        '--code',
        codes[i]!,
        '--pseudonym',
        name,
        '--timeout',
        '60',
      ]),
    ),
  );
  expect(joined.map((j) => ok(j, 'join'))).toEqual(joiners.map(() => [cell]));
  expect((await serve.stop()).code).toBe(0);
  return { signal, url, cell: cell!, c, home };
}
