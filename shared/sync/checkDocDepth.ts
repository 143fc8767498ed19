import * as Y from 'yjs';
import { err, ok, type Result } from '../util/result.ts';

/**
 * How deep shared types may nest in one content document, counted from a root type (a draft's
 * fragment is 0; a top-level paragraph 1, its text 2). A newsletter with a quote holding a list
 * three levels deep stays under 15; the editor binding (y-tiptap) and every recursive reader
 * overflow the stack near a few thousand.
 */
export const MAX_DOC_DEPTH = 64;

/** Pending-struct updates already known to hold (or not) a shared type, by identity. */
const pendingHasTypes = new WeakMap<Uint8Array, boolean>();

/**
 * Refuses `update` if integrating it would nest `doc` deeper than MAX_DOC_DEPTH. Only an update
 * that creates a shared type (a new paragraph, quote, map), or one that may release such structs
 * parked in Yjs's pending buffer, can deepen a document: plain typing costs one decode of the
 * update. Otherwise the update is applied to a scratch copy of the document (pending structs
 * included) and every type in it measured, so a deep chain sent in pieces is caught when the
 * piece that joins it arrives. `doc` itself is never touched.
 */
export function checkDocDepth(
  doc: Y.Doc,
  update: Uint8Array,
  /** Whether `update` creates a shared type, when the caller decoded it already (scanUpdate). */
  known?: boolean,
): Result<void, 'too_deep' | 'malformed_update'> {
  let createsType: boolean;
  try {
    createsType = known ?? holdsType(update);
  } catch {
    return err('malformed_update', 'undecodable Yjs update');
  }
  if (!createsType && !pendingMayDeepen(doc)) return ok(undefined);
  const scratch = new Y.Doc();
  try {
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(doc));
    Y.applyUpdate(scratch, update);
  } catch {
    // Yjs failing on it here fails on the real doc too; that path reports it.
    scratch.destroy();
    return ok(undefined);
  }
  const depth = maxDepth(scratch);
  scratch.destroy();
  return depth > MAX_DOC_DEPTH ? err('too_deep') : ok(undefined);
}

function holdsType(update: Uint8Array): boolean {
  for (const struct of Y.decodeUpdate(update).structs) {
    if (struct instanceof Y.Item && struct.content instanceof Y.ContentType) return true;
  }
  return false;
}

/** Yjs keeps its pending buffer in the v2 encoding (a v1 decode of it always failed). */
function holdsTypeV2(update: Uint8Array): boolean {
  for (const struct of Y.decodeUpdateV2(update).structs) {
    if (struct instanceof Y.Item && struct.content instanceof Y.ContentType) return true;
  }
  return false;
}

function pendingMayDeepen(doc: Y.Doc): boolean {
  const pending = doc.store.pendingStructs?.update;
  if (!pending) return false;
  let known = pendingHasTypes.get(pending);
  if (known === undefined) {
    try {
      known = holdsTypeV2(pending);
    } catch {
      known = true;
    }
    pendingHasTypes.set(pending, known);
  }
  return known;
}

/** The deepest shared type in `doc`: each type item measured once, walking up its parents. */
export function maxDepth(doc: Y.Doc): number {
  const memo = new Map<Y.Item, number>();
  let max = 0;
  const chain: Y.Item[] = [];
  for (const structs of doc.store.clients.values()) {
    for (const struct of structs) {
      if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentType)) continue;
      let base = 0;
      for (let item: Y.Item | null = struct; item;) {
        const known = memo.get(item);
        if (known !== undefined) {
          base = known;
          break;
        }
        chain.push(item);
        const parent: unknown = item.parent;
        item = parent instanceof Y.AbstractType ? parent._item : null;
      }
      for (let i = chain.length - 1; i >= 0; i--) {
        const item = chain[i];
        if (item) memo.set(item, ++base);
      }
      chain.length = 0;
      if (base > max) max = base;
    }
  }
  return max;
}
