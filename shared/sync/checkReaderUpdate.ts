import * as Y from 'yjs';
import { err, ok, type Result } from '../util/result.ts';

/**
 * The content rule of a reader's update to a comments document (readersCommentPolicy; PROTOCOL
 * §7): she may add to her own structs and her own root, never touch anyone else's. Judged on the
 * update's bytes and her own clientIDs alone, never on what the document holds (a member could
 * race that to split peers), so every peer decides alike:
 * - every deletion targets one of `own` clientIDs;
 * - every item's origin and right origin, where set, are `own` (Yjs deletes the value an item
 *   replaces on a map key: its origin is that value, so an overwrite of another's key is refused);
 * - an item with neither names its parent: one of `own` structs, or the root `ownRoot`.
 */
export function checkReaderUpdate(
  update: Uint8Array,
  own: ReadonlySet<number>,
  ownRoot: string,
): Result<void, 'reader_overreach' | 'malformed_update'> {
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch {
    return err('malformed_update', 'undecodable Yjs update');
  }
  for (const client of decoded.ds.clients.keys()) {
    if (!own.has(client)) return err('reader_overreach', 'deletes another writer’s structs');
  }
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) continue; // GC and Skip carry no position
    const { origin, rightOrigin, parent } = struct;
    if (origin && !own.has(origin.client)) return err('reader_overreach', 'origin');
    if (rightOrigin && !own.has(rightOrigin.client)) return err('reader_overreach', 'origin');
    if (origin || rightOrigin) continue;
    if (typeof parent === 'string' ? parent === ownRoot : isOwnId(parent, own)) continue;
    return err('reader_overreach', 'parent');
  }
  return ok(undefined);
}

const isOwnId = (parent: unknown, own: ReadonlySet<number>): boolean =>
  parent instanceof Y.ID && own.has(parent.client);
