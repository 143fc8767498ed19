import type * as Y from 'yjs';
import type { ClientAuthors } from './ClientAuthors.ts';
import { entryMap } from './fields.ts';
import { mayShelve } from './mayShelve.ts';
import { isShelfState, TRASH_KEEP_MS, type Shelf } from './Shelf.ts';
import { firstWriterOf, wasDeleted, writerOf } from './writerOf.ts';

/** The key of an entry's place, inside its Y.Map: { state: ShelfState, at: number }. */
export const SHELF_KEY = 'shelf';

/**
 * Where the entry at `parent[id]` is (archived, trashed, in use), as this device judges it. The
 * place counts only as its creator or a coordinator wrote it (`authors` names the verified writer,
 * `isCoordinator` judges against the roster now). Anything else fails towards "in use": a member
 * cannot hide someone else's work by writing or deleting the field (Yjs keeps only the latest
 * value, so whatever a rightful writer put there before is gone; it reads as in use, tampered).
 */
export function readShelf(
  parent: Y.Map<unknown>,
  id: string,
  authors: ClientAuthors,
  isCoordinator: (signPkHex: string) => boolean,
  now: number,
): Shelf {
  const creator = firstWriterOf(parent, id, authors) ?? '';
  const active = (tampered: boolean): Shelf => ({ state: 'active', at: 0, tampered, creator });
  const map = entryMap(parent.get(id));
  if (!map) return active(false);
  if (wasDeleted(map, SHELF_KEY)) return active(true);
  if (!map.has(SHELF_KEY)) return active(false);
  const value = map.get(SHELF_KEY);
  const writer = writerOf(map, SHELF_KEY, authors);
  if (writer === undefined || !mayShelve(writer, creator, isCoordinator)) return active(true);
  if (typeof value !== 'object' || value === null) return active(true);
  const { state, at } = value as { readonly state?: unknown; readonly at?: unknown };
  if (!isShelfState(state) || typeof at !== 'number' || !Number.isFinite(at) || at < 0) {
    return active(true);
  }
  if (state === 'active') return active(false);
  const expired = state === 'trashed' && now - at >= TRASH_KEEP_MS;
  return { state: expired ? 'emptied' : state, at, tampered: false, creator };
}
