import type * as Y from 'yjs';
import { err, ok, type Result } from '../util/result.ts';
import type { ClientAuthors } from './ClientAuthors.ts';
import { entryMap } from './fields.ts';
import { mayShelve } from './mayShelve.ts';
import { SHELF_KEY } from './readShelf.ts';
import type { ShelfState } from './Shelf.ts';
import { firstWriterOf } from './writerOf.ts';

export type ShelfError = 'not_found' | 'not_allowed';

/**
 * Archives, trashes or restores ('active') the entry at `parent[id]` as `me`. Refused unless `me`
 * created it or is a coordinator: every receiver would ignore the write anyway (readShelf).
 * Nothing is erased: the entry and its content stay in the document.
 */
export function setShelf(
  parent: Y.Map<unknown>,
  id: string,
  state: ShelfState,
  me: { readonly signPkHex: string; readonly now: number },
  authors: ClientAuthors,
  isCoordinator: (signPkHex: string) => boolean,
): Result<void, ShelfError> {
  const map = entryMap(parent.get(id));
  if (!map) return err('not_found');
  if (!mayShelve(me.signPkHex, firstWriterOf(parent, id, authors), isCoordinator)) {
    return err('not_allowed');
  }
  map.set(SHELF_KEY, { state, at: me.now });
  return ok(undefined);
}
