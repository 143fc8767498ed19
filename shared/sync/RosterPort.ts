import type { EnvelopeKind } from '../envelope/EnvelopeKind.ts';

export type WriteCheck = 'ok' | 'not_member' | 'not_writer';

/** What a roster log did with an offered op (the `roster_*` outcomes are refusals). */
export type RosterOfferOutcome =
  'held' | 'waiting' | 'known' | 'roster_invalid' | 'roster_unauthorised' | 'roster_over_cap';

export interface RosterOffer {
  readonly outcome: RosterOfferOutcome;
  /** The op's id, unless its bytes were refused before hashing (oversize). */
  readonly opId: string | undefined;
  /** The precise reason of a refusal (computeRoster's rejection reason, or 'over_cap'). */
  readonly reason?: string;
  /**
   * Ops that a coordinator's waiting op needs and the log does not hold: copies refused earlier
   * (over a cap) should be offered again.
   */
  readonly wanted: readonly string[];
}

/**
 * What the sync engine asks of the cell's membership: may this author write this kind of
 * envelope into this document at this epoch? (The document matters: a cell may let readers write
 * comments documents and nothing else, shared/runtime/readerComments.) The roster log
 * (shared/runtime/RosterLog) implements it; a fixed member list (fixedRoster) serves cells whose
 * membership is given out of band and tests.
 */
export interface RosterPort {
  writeCheck(author: Uint8Array, epoch: number, kind: EnvelopeKind, docId: Uint8Array): WriteCheck;
  /**
   * Whether this author passes writeCheck here only through a grant that confines her to her own
   * content (a reader commenting: shared/runtime/readerComments). The engine then applies her
   * update only if it keeps to her own structs and root (checkReaderUpdate). Absent: never.
   */
  ownContentOnly?(
    author: Uint8Array,
    epoch: number,
    kind: EnvelopeKind,
    docId: Uint8Array,
  ): boolean;
  /** Was this author ever a member of the cell (their content may appear in snapshots)? */
  knows(author: Uint8Array): boolean;
  /**
   * Called when membership (or a grant of readers' comments) changes, so envelopes refused for
   * membership are reconsidered.
   */
  onChange(listener: () => void): () => void;
  /**
   * A roster op from a roster envelope sent by `sender`, judged before anything keeps it: held,
   * waiting for its heads, already known, or refused (never stored, never carried). Ports
   * without it (fixedRoster) hand ops to `onRosterOp` unjudged.
   */
  offerOp?(op: Uint8Array, sender: Uint8Array): RosterOffer;
  /**
   * Does the roster hold this identity as a coordinator now (a release of a quarantined author,
   * PROTOCOL §5.2)? Ports without it (none in the app) accept no release.
   */
  isCoordinator?(author: Uint8Array): boolean;
  /** Whether a rollover should carry a roster envelope holding this op into the next generation. */
  carries?(opId: string): boolean;
}
