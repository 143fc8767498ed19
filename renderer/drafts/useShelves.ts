import { useCallback } from 'react';
import type * as Y from 'yjs';
import { mayShelve } from '../../shared/cell/mayShelve.ts';
import { readShelf } from '../../shared/cell/readShelf.ts';
import { setShelf } from '../../shared/cell/setShelf.ts';
import type { Shelf, ShelfState } from '../../shared/cell/Shelf.ts';
import type { CellSession } from '../session/CellSession.ts';
import { useMembers } from './useMembers.ts';
import { useNow } from './useNow.ts';
import { useYValue } from './useYValue.ts';
import { writeAccess } from './writeAccess.ts';

export interface Shelves {
  /** Where the entry is, as this device judges it (readShelf). */
  of(id: string): Shelf;
  /** Entries whose place someone not allowed wrote: ignored, shown as in use (counted). */
  readonly tampered: number;
  /** May this member archive, trash or restore it (creator or coordinator, and may write)? */
  may(id: string): boolean;
  shelve(id: string, state: ShelfState): boolean;
}

const ACTIVE: Shelf = { state: 'active', at: 0, tampered: false, creator: '' };

/**
 * The place (in use, archived, trash) of every entry of `parent`, a map of `docId`, live: re-read
 * when the map, the roster (who is a coordinator) or the hour changes (the trash empties itself).
 */
export function useShelves(
  session: CellSession,
  docId: Uint8Array,
  parent: Y.Map<unknown>,
): Shelves {
  const members = useMembers(session);
  const now = useNow(60 * 60 * 1000);
  const isCoordinator = useCallback(
    (hex: string) => members.some((m) => m.signPkHex === hex && m.role === 'coordinator'),
    [members],
  );
  const read = useCallback((): ReadonlyMap<string, Shelf> => {
    const authors = session.authors(docId);
    const shelves = new Map<string, Shelf>();
    for (const id of parent.keys()) {
      shelves.set(id, readShelf(parent, id, authors, isCoordinator, now));
    }
    return shelves;
  }, [session, docId, parent, isCoordinator, now]);
  const shelves = useYValue(parent, read);
  const writable = writeAccess(session) === 'write';
  const me = session.me.signPkHex;
  let tampered = 0;
  for (const shelf of shelves.values()) if (shelf.tampered) tampered++;
  return {
    of: (id) => shelves.get(id) ?? ACTIVE,
    tampered,
    may: (id) => writable && mayShelve(me, shelves.get(id)?.creator, isCoordinator),
    shelve: (id, state) =>
      setShelf(
        parent,
        id,
        state,
        { signPkHex: me, now: Date.now() },
        session.authors(docId),
        isCoordinator,
      ).ok,
  };
}
