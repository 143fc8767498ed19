import type * as Y from 'yjs';
import type { CellContext } from './CellContext.ts';
import type { WireScope } from './WireScope.ts';

/**
 * Unopened entries (decrypted, signed, but by an author the roster does not allow at this epoch
 * yet: a member whose admission we have not seen) kept per wire doc, to be opened after a roster
 * change. Anyone holding the content key can make such entries, so they are bounded.
 */
export const MAX_UNOPENED_PER_SCOPE = 1000;
export const MAX_UNOPENED_BYTES_PER_SCOPE = 4 * 1024 * 1024;

/**
 * How often one key is evicted again after someone put it back. Junk is never kept by an honest
 * peer, so only its sender puts it back (and pays for the bytes each time); an unopened entry over
 * the bound above may be kept by an honest peer, which puts it back: after this many rounds it is
 * left in the wire doc (neither kept nor stored) instead of fighting forever.
 */
const MAX_EVICTIONS_PER_KEY = 3;

/** The origin of an eviction's local delete (for listeners that tell local from remote). */
export const EVICT_ORIGIN: unique symbol = Symbol('quire-evict');

/**
 * Whether an unopened entry may be kept (and stored) in `scope` for a later roster change:
 * within MAX_UNOPENED_PER_SCOPE and MAX_UNOPENED_BYTES_PER_SCOPE. Counts it once if so.
 */
export function holdUnopened(scope: WireScope, key: string, bytes: Uint8Array): boolean {
  if (scope.kept.has(key)) return true;
  if (
    scope.unopened.count >= MAX_UNOPENED_PER_SCOPE ||
    scope.unopened.bytes + bytes.length > MAX_UNOPENED_BYTES_PER_SCOPE
  )
    return false;
  scope.unopened.count++;
  scope.unopened.bytes += bytes.length;
  return true;
}

/**
 * Removes an entry that will never open (undecryptable, malformed, badly signed, or unopened over
 * the bound) from this device's wire doc, so it is neither held in memory nor served to the next
 * peer (issue 14 items 7, 8): the local delete reaches peers like any edit, and the content of a
 * deleted entry is garbage-collected. It is never kept, so nothing here puts it back. Its status
 * is forgotten, so other bytes arriving later under the same key are opened afresh (a squatter's
 * junk under a real envelope's id cannot block the real bytes). Returns false once the key has
 * been put back too often: the caller then leaves it, unkept.
 */
export function evictJunk(
  ctx: CellContext,
  scope: WireScope,
  key: string,
  value: unknown,
): boolean {
  const rounds = scope.evictions.get(key) ?? 0;
  if (rounds >= MAX_EVICTIONS_PER_KEY) return false;
  // Bounded: a flood of distinct keys forgets the oldest counts (they only limit honest fights).
  if (scope.evictions.size >= 4 * MAX_UNOPENED_PER_SCOPE) scope.evictions.clear();
  scope.evictions.set(key, rounds + 1);
  scope.status.delete(key);
  ctx.diagnostics.evicted++;
  // After the transaction that brought it: Yjs runs a nested transaction only once this ends.
  queueMicrotask(() => {
    if (ctx.closed() || scope.map.get(key) !== value) return;
    scope.doc.transact(() => scope.map.delete(key), EVICT_ORIGIN);
  });
  return true;
}

/**
 * A wire doc carries one root type, the `envelopes` map. Anything a peer put under another root
 * name is never read, yet it would be held and served on like the rest: it is deleted here after
 * every transaction that brings it (the same local delete as evictJunk), and counted once per
 * transaction.
 */
export function evictForeignRoots(ctx: CellContext, scope: WireScope, tr: Y.Transaction): void {
  // Only a transaction that changed a root type other than the map can have brought any.
  let touched = false;
  const map: unknown = scope.map;
  for (const type of tr.changed.keys()) if (type !== map && type._item === null) touched = true;
  if (!touched) return;
  const foreign = Array.from(scope.doc.share).filter(
    ([name, type]) => name !== 'envelopes' && (type._start !== null || type._map.size > 0),
  );
  if (foreign.length === 0 || ctx.closed()) return;
  const live = foreign.some(([, type]) => hasLiveItem(type));
  if (!live) return;
  ctx.diagnostics.evicted++;
  queueMicrotask(() => {
    if (ctx.closed()) return;
    scope.doc.transact((tr) => {
      for (const [, type] of foreign) {
        for (const item of type._map.values()) if (!item.deleted) item.delete(tr);
        for (let n = type._start; n; n = n.right) if (!n.deleted) n.delete(tr);
      }
    }, EVICT_ORIGIN);
  });
}

type Root = WireScope['doc']['share'] extends Map<string, infer T> ? T : never;

function hasLiveItem(type: Root): boolean {
  for (const item of type._map.values()) if (!item.deleted) return true;
  for (let n = type._start; n; n = n.right) if (!n.deleted) return true;
  return false;
}
