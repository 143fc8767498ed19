import { caretUser } from '../editor/renderCaret.ts';

/**
 * The names of the other people in a draft, from its awareness states (our own client left
 * out, each name once however many windows they have open), bounded as the carets show them.
 */
export function presentNames(
  states: ReadonlyMap<number, Record<string, unknown>>,
  ownClientId: number,
): Set<string> {
  const names = new Set<string>();
  for (const [clientId, state] of states) {
    if (clientId === ownClientId) continue;
    const user = state['user'];
    if (typeof user !== 'object' || user === null) continue;
    const { name } = caretUser(user as Record<string, unknown>);
    if (name !== '') names.add(name);
  }
  return names;
}

/** Who joined and who left between two readings of presentNames, each sorted. */
export function presenceChanges(
  before: ReadonlySet<string>,
  after: ReadonlySet<string>,
): { readonly joined: string[]; readonly left: string[] } {
  return {
    joined: [...after].filter((n) => !before.has(n)).sort(),
    left: [...before].filter((n) => !after.has(n)).sort(),
  };
}
