import type * as Y from 'yjs';
import type { ClientAuthors } from './ClientAuthors.ts';

/** Who wrote the value at `key`: its verified author, else its Yjs clientID. */
function writerKey(map: Y.Map<unknown>, key: string, authors?: ClientAuthors): string {
  const client = map._map.get(key)?.id.client ?? -1;
  return authors?.(client) ?? `client:${client}`;
}

/**
 * The keys of `map` a list reads: at most `max` per writer of the value (the verified author, or
 * where none is known the clientID), the lowest keys of each. Entries are values anyone in the
 * cell can write, so a cap over all of them let one member's flood push everyone else's entries
 * out; and a map iterates in the order this replica integrated its keys, so a cap taken in that
 * order dropped different entries on different replicas. Here every replica keeps the same.
 */
export function capPerWriter(
  map: Y.Map<unknown>,
  max: number,
  authors?: ClientAuthors,
): { readonly keys: string[]; readonly dropped: number } {
  const byWriter = new Map<string, string[]>();
  for (const key of map.keys()) {
    const writer = writerKey(map, key, authors);
    const keys = byWriter.get(writer);
    if (keys) keys.push(key);
    else byWriter.set(writer, [key]);
  }
  const kept: string[] = [];
  let dropped = 0;
  for (const keys of byWriter.values()) {
    keys.sort();
    kept.push(...keys.slice(0, max));
    dropped += Math.max(0, keys.length - max);
  }
  return { keys: kept, dropped };
}

/** How many entries of `map` hold a value `writer.member` wrote (for a writer's own cap). */
export function countWrittenBy(
  map: Y.Map<unknown>,
  writer: { readonly authors: ClientAuthors; readonly member: string },
): number {
  let count = 0;
  for (const key of map.keys()) if (writerKey(map, key, writer.authors) === writer.member) count++;
  return count;
}
