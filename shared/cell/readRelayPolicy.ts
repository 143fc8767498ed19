import type * as Y from 'yjs';
import { cellIndexMaps } from './cellIndexMaps.ts';
import type { ClientAuthors } from './ClientAuthors.ts';
import { wasDeleted, writerOf } from './writerOf.ts';

export interface RelayPolicy {
  /** Every member of the cell connects through the relay (TURN) only. */
  readonly on: boolean;
  /**
   * Someone who is not a coordinator now wrote or deleted the setting (or its writer is not
   * known, or the value is not a boolean): what a coordinator chose is gone, so it counts as on.
   */
  readonly tampered: boolean;
}

/**
 * The cell-wide "nobody sees anybody's IP" setting (index doc, 'policy' map, key 'relayOnly'). It
 * counts only as a coordinator wrote it (`authors` names the verified writer of the Yjs item
 * holding it, `isCoordinator` judges that writer against the roster now). Anything else fails
 * closed: a member cannot turn it off by writing false over a coordinator's true or by deleting
 * it (Yjs keeps only the latest value of a key, so the coordinator's is gone); it reads as on.
 * Never set: off.
 */
export function readRelayPolicy(
  indexDoc: Y.Doc,
  authors: ClientAuthors,
  isCoordinator: (signPkHex: string) => boolean,
): RelayPolicy {
  const policy = cellIndexMaps(indexDoc).policy;
  if (wasDeleted(policy, 'relayOnly')) return { on: true, tampered: true };
  if (!policy.has('relayOnly')) return { on: false, tampered: false };
  const value = policy.get('relayOnly');
  const writer = writerOf(policy, 'relayOnly', authors);
  if (typeof value !== 'boolean' || writer === undefined || !isCoordinator(writer))
    return { on: true, tampered: true };
  return { on: value, tampered: false };
}
