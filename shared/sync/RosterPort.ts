import type { EnvelopeKind } from '../envelope/EnvelopeKind.ts';

export type WriteCheck = 'ok' | 'not_member' | 'not_writer';

/**
 * What the sync engine asks of the cell's membership: may this author write this kind of
 * envelope at this epoch? The roster log (shared/roster) implements it; a fixed member list
 * (fixedRoster) serves cells whose membership is given out of band and tests.
 */
export interface RosterPort {
  writeCheck(author: Uint8Array, epoch: number, kind: EnvelopeKind): WriteCheck;
  /** Was this author ever a member of the cell (their content may appear in snapshots)? */
  knows(author: Uint8Array): boolean;
  /** Called when membership changes, so rejected-for-membership envelopes are reconsidered. */
  onChange(listener: () => void): () => void;
}
