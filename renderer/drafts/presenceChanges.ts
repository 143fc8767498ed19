import { caretUser } from '../editor/renderCaret.ts';

/**
 * The names of the other people in a draft, from its awareness states (our own client left
 * out, each name once however many windows they have open), bounded as the carets show them.
 */
export function presentNames(
  states: ReadonlyMap<number, Record<string, unknown>>,
  ownClientId: number,
): Set<string> {
  return new Set(presentPeople(states, ownClientId).map((person) => person.name));
}

/**
 * The other people in a draft with their colours, sorted by name (so the avatars keep their
 * places), each once. Names and colours are the roster's (PresenceBridge replaces the sender's).
 */
export function presentPeople(
  states: ReadonlyMap<number, Record<string, unknown>>,
  ownClientId: number,
): { readonly name: string; readonly color: string }[] {
  const people = new Map<string, string>();
  for (const [clientId, state] of states) {
    if (clientId === ownClientId) continue;
    const user = state['user'];
    if (typeof user !== 'object' || user === null) continue;
    const { name, color } = caretUser(user as Record<string, unknown>);
    if (name !== '' && !people.has(name)) people.set(name, color);
  }
  return [...people]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, color]) => ({ name, color }));
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
