import type * as Y from 'yjs';
import { cellIndexMaps } from './cellIndexMaps.ts';
import type { ClientAuthors } from './ClientAuthors.ts';
import { wasDeleted, writerOf } from './writerOf.ts';

/** The coordinators' choice: may readers comment (true) or only read (false, the default)? */
export interface ReadersCommentSetting {
  readonly on: boolean;
  /** Someone not a coordinator now wrote or deleted the choice: it reads as off (fails closed). */
  readonly tampered: boolean;
}

const SETTING = 'readersComment';

/** The key of the grant for one epoch (index doc, 'policy' map). */
export const readersCommentGrantKey = (epoch: number): string => `readersComment@${epoch}`;

/**
 * The choice as the settings screen shows it (index doc, 'policy' map, key 'readersComment'),
 * read like readRelayPolicy: it counts only as a coordinator now wrote it; anything else reads as
 * off. What peers enforce is not this value but the per-epoch grants (readersMayComment).
 */
export function readReadersComment(
  indexDoc: Y.Doc,
  authors: ClientAuthors,
  isCoordinator: (signPkHex: string) => boolean,
): ReadersCommentSetting {
  const policy = cellIndexMaps(indexDoc).policy;
  if (wasDeleted(policy, SETTING)) return { on: false, tampered: true };
  if (!policy.has(SETTING)) return { on: false, tampered: false };
  const writer = writerOf(policy, SETTING, authors);
  const value = policy.get(SETTING);
  if (typeof value !== 'boolean' || writer === undefined || !isCoordinator(writer))
    return { on: false, tampered: true };
  return { on: value, tampered: false };
}

/**
 * May readers write comments documents at `epoch`? Yes once any item ever written at that epoch's
 * grant key was written by someone who was a coordinator at that epoch (`coordinatorAt`, judged
 * from the roster). Every item that ever held the key stays in its chain (each set links to the
 * one it replaced; a deleted item keeps its writer), so a grant only ever appears: a member who
 * overwrites or deletes it cannot take it back, and every peer that holds the same index doc and
 * roster judges every reader's entry of that epoch alike, whenever the entry arrives. Turning the
 * choice off therefore stops readers' comments from the next epoch on (the next key rotation),
 * never retroactively: what readers wrote while allowed stays, on every peer.
 */
export function readersMayComment(
  indexDoc: Y.Doc,
  epoch: number,
  authors: ClientAuthors,
  coordinatorAt: (signPkHex: string, epoch: number) => boolean,
): boolean {
  let item: Y.Item | null | undefined = cellIndexMaps(indexDoc).policy._map.get(
    readersCommentGrantKey(epoch),
  );
  while (item) {
    const writer = authors(item.id.client);
    if (writer !== undefined && coordinatorAt(writer, epoch)) return true;
    item = item.left;
  }
  return false;
}

/**
 * A coordinator's choice; turning it on also grants the epoch where the cell writes now (later
 * epochs are granted by whichever coordinator is online when they open: ReaderComments).
 */
export function setReadersComment(indexDoc: Y.Doc, on: boolean, epoch: number): void {
  indexDoc.transact(() => {
    const policy = cellIndexMaps(indexDoc).policy;
    policy.set(SETTING, on);
    if (on) policy.set(readersCommentGrantKey(epoch), true);
  });
}

/** Grants one epoch (a coordinator renewing the choice when a new epoch opens). */
export function grantReadersComment(indexDoc: Y.Doc, epoch: number): void {
  cellIndexMaps(indexDoc).policy.set(readersCommentGrantKey(epoch), true);
}
