import * as Y from 'yjs';
import { err, ok, type Result } from '../util/result.ts';

/**
 * Binds authorship: every struct in `update` must belong to one of `allowed` clientIDs.
 * `Y.parseUpdateMeta` decodes without integrating, so a malformed update is caught here, before
 * anything touches a document. Deletions may target anyone's structs (that is editing), so only
 * the structs' own clientIDs are checked. Returns each clientID's end clock (its extent).
 */
export function checkClientIds(
  update: Uint8Array,
  allowed: ReadonlySet<number>,
): Result<ReadonlyMap<number, number>, 'malformed_update' | 'clientid_unclaimed'> {
  let meta: { from: Map<number, number>; to: Map<number, number> };
  try {
    meta = Y.parseUpdateMeta(update);
  } catch {
    return err('malformed_update', 'undecodable Yjs update');
  }
  for (const client of meta.to.keys()) {
    if (!allowed.has(client)) return err('clientid_unclaimed');
  }
  return ok(meta.to);
}
