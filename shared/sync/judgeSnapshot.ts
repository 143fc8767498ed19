import { err, ok, type Result } from '../util/result.ts';

/** What one receiver verified itself about one author of a document (SignedEvidence). */
export interface AuthorView {
  /** Every update of theirs up to this seq was applied here from their own signed bytes. */
  readonly verified: number;
  /** The highest seq of a signed update of theirs this receiver holds (applied or waiting). */
  readonly known: number;
  /** The epoch that update was signed in. */
  readonly knownEpoch: number;
  /** The end clock their own signed updates show for one of their clientIDs, if any. */
  endOf(client: number): number | undefined;
  /** Whether they may still write (not removed, departed or made a reader). */
  readonly mayWrite: boolean;
}

/**
 * Judges a snapshot's structs against what the receiver verified itself (PROTOCOL §8, "Which
 * snapshots count"): the signer's own structs are theirs to sign; another author's structs may
 * not reach past the extent that author's own signed updates show for that clientID (nor sit
 * under a clientID none shows) whenever the receiver can tell: it holds every update of theirs
 * it knows of and the newest was signed in the snapshot's epoch (within an epoch every rollover
 * carries each author's newest update, so a gap shows; an older epoch's late writes reach a new
 * epoch only by snapshot), or they may no longer write. A receiver that knows it misses some of
 * their updates, or knows none, or only older epochs' ones, cannot tell and accepts (the
 * residual in THREAT_MODEL §6).
 */
export function judgeSnapshot(
  extents: ReadonlyMap<number, number>,
  owners: ReadonlyMap<number, string>,
  signerHex: string,
  epoch: number,
  view: (authorHex: string) => AuthorView,
): Result<void, 'snapshot_overclaim'> {
  const views = new Map<string, AuthorView>();
  for (const [client, end] of extents) {
    const author = owners.get(client);
    if (author === undefined || author === signerHex) continue;
    let v = views.get(author);
    if (!v) views.set(author, (v = view(author)));
    const complete = v.verified >= v.known && v.knownEpoch >= epoch;
    const checkable = v.known > 0 && (complete || !v.mayWrite);
    // The detail names the author whose evidence could still vouch for it (SnapshotReceiver).
    if (checkable && end > (v.endOf(client) ?? 0)) return err('snapshot_overclaim', author);
  }
  return ok(undefined);
}

/**
 * The coverage a receiver may record for a snapshot: per author, the claimed seq capped at the
 * highest seq of theirs the receiver holds a signed update of, and only where the snapshot's state
 * holds every struct the receiver holds from that author's signed updates (otherwise nothing:
 * their updates keep being carried). A claim beyond that covers nothing the receiver could carry.
 */
export function verifiedCoverage(
  claimed: ReadonlyMap<string, number>,
  extents: ReadonlyMap<number, number>,
  verifiedEnds: Iterable<readonly [number, number]>,
  authorOf: (client: number) => string | undefined,
  held: (authorHex: string) => number,
): Map<string, number> {
  const missing = new Set<string>();
  for (const [client, end] of verifiedEnds) {
    if ((extents.get(client) ?? 0) >= end) continue;
    const author = authorOf(client);
    if (author !== undefined) missing.add(author);
  }
  const out = new Map<string, number>();
  for (const [author, seq] of claimed) {
    const bound = Math.min(seq, held(author));
    if (bound > 0 && !missing.has(author)) out.set(author, bound);
  }
  return out;
}
