import { join } from 'node:path';
import { runQuireInMemory } from './runQuireInMemory.ts';

/**
 * A new home `dir/name` holding one new cell whose coordinator it is, made through the CLI
 * itself (`init`, `cell create`, in this process); throws with the CLI's stderr if either fails.
 */
export async function cliHomeWithCell(
  dir: string,
  name: string,
  passphrase: string,
  cell: { readonly name?: string; readonly pseudonym?: string } = {},
): Promise<{ home: string; cell: string }> {
  const env = { QUIRE_PASSPHRASE: passphrase };
  const home = join(dir, name);
  const init = await runQuireInMemory(['init', '--home', home], env);
  if (init.code !== 0) throw new Error(`init: ${init.stderr.join('\n')}`);
  const created = await runQuireInMemory(
    [
      'cell',
      'create',
      '--home',
      home,
      '--name',
      cell.name ?? 'Cell canary',
      '--pseudonym',
      cell.pseudonym ?? 'Anna',
      '--signal',
      'ws://127.0.0.1:9',
    ],
    env,
  );
  const id = created.stdout[0];
  if (created.code !== 0 || id === undefined)
    throw new Error(`cell create: ${created.stderr.join('\n')}`);
  return { home, cell: id };
}
