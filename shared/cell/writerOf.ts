import type * as Y from 'yjs';
import type { ClientAuthors } from './ClientAuthors.ts';

/**
 * The verified author of the value `map` holds now at `key`: the author of the Yjs item that
 * holds it. Undefined when the key is absent or deleted, or its writer is not known.
 */
export function writerOf(
  map: Y.Map<unknown>,
  key: string,
  authors: ClientAuthors,
): string | undefined {
  const item = map._map.get(key);
  return item && !item.deleted ? authors(item.id.client) : undefined;
}

/** The verified author of a nested type: whoever wrote the item that put it in its parent. */
export function creatorOf(
  type: { readonly _item: Y.Item | null },
  authors: ClientAuthors,
): string | undefined {
  const item = type._item;
  return item ? authors(item.id.client) : undefined;
}

/** True when `key` held a value once and that value was deleted (not overwritten). */
export function wasDeleted(map: Y.Map<unknown>, key: string): boolean {
  return map._map.get(key)?.deleted === true;
}

/**
 * The verified author of the first value ever set at `key`: the root of the chain of items that
 * overwrote one another there (each set of a map key links to the item it replaced). Whoever
 * replaces an entry wholesale later does not become its creator. Undefined when the key was never
 * set or that writer is not known.
 */
export function firstWriterOf(
  map: Y.Map<unknown>,
  key: string,
  authors: ClientAuthors,
): string | undefined {
  let item: Y.Item | null | undefined = map._map.get(key);
  if (!item) return undefined;
  while (item.left !== null) item = item.left;
  return authors(item.id.client);
}
