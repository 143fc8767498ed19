/** What a checkpoint keeps of SignedEvidence (absent in checkpoints written before it existed). */
export interface EvidenceCheckpoint {
  readonly verified: Readonly<Record<string, number>>;
  readonly known: Readonly<Record<string, number>>;
  /** Per author: the epoch their newest known update was signed in (absent: 0). */
  readonly knownEpochs?: Readonly<Record<string, number>>;
  /** clientID (decimal) -> end clock. */
  readonly ends: Readonly<Record<string, number>>;
}

/**
 * What one peer verified itself about one document's authors, from their own signed updates
 * (never from a snapshot's claims): the basis for judging snapshots (judgeSnapshot) and for
 * coverage and carrying after a rollover (PROTOCOL §8).
 */
export class SignedEvidence {
  /** Per author (hex): highest seq up to which every update of theirs was applied here. */
  private readonly verified = new Map<string, number>();
  /** Per author (hex): seqs applied above `verified` (out of order). */
  private readonly above = new Map<string, Set<number>>();
  /** Per author (hex): highest seq of a signed update of theirs seen here (applied or waiting). */
  private readonly known = new Map<string, number>();
  /** Per author (hex): the epoch that highest update was signed in. */
  private readonly knownEpoch = new Map<string, number>();
  /** Per author (hex): the envelope of that highest update (every rollover carries it). */
  private readonly lastEnv = new Map<string, string>();
  /** clientID -> highest end clock in a signed update by the clientID's own author. */
  private readonly ends = new Map<number, number>();

  verifiedSeq(authorHex: string): number {
    return this.verified.get(authorHex) ?? 0;
  }

  /** Every author with verified updates, and their verified seq. */
  verifiedEntries(): ReadonlyMap<string, number> {
    return this.verified;
  }

  knownSeq(authorHex: string): number {
    return this.known.get(authorHex) ?? 0;
  }

  /** The epoch of the newest update of `authorHex` seen here (0 if none). */
  knownEpochOf(authorHex: string): number {
    return this.knownEpoch.get(authorHex) ?? 0;
  }

  /** The end clock signed updates show for `client`, or undefined if none does. */
  endOf(client: number): number | undefined {
    return this.ends.get(client);
  }

  /** Every clientID with signed evidence, and its end clock. */
  allEnds(): ReadonlyMap<number, number> {
    return this.ends;
  }

  /** Whether `envId` is the highest-seq update this peer holds of `authorHex`. */
  isLast(authorHex: string, envId: string): boolean {
    return this.lastEnv.get(authorHex) === envId;
  }

  /** A verified, signed update of `authorHex` (applied or waiting): its seq and struct extents. */
  noteSigned(
    authorHex: string,
    signed: { readonly seq: number; readonly envId: string; readonly epoch: number },
    extents: ReadonlyMap<number, number>,
  ): void {
    for (const [client, end] of extents)
      if ((this.ends.get(client) ?? 0) < end) this.ends.set(client, end);
    if (signed.seq >= this.knownSeq(authorHex)) {
      this.known.set(authorHex, signed.seq);
      this.lastEnv.set(authorHex, signed.envId);
      this.knownEpoch.set(authorHex, signed.epoch);
    }
  }

  /** Update `seq` of `authorHex` was applied (their own signed bytes, not a snapshot's). */
  noteApplied(authorHex: string, seq: number): void {
    if (seq > this.knownSeq(authorHex)) this.known.set(authorHex, seq);
    let v = this.verifiedSeq(authorHex);
    if (seq <= v) return;
    const above = this.above.get(authorHex) ?? new Set<number>();
    above.add(seq);
    while (above.delete(v + 1)) v++;
    this.verified.set(authorHex, v);
    if (above.size > 0) this.above.set(authorHex, above);
    else this.above.delete(authorHex);
  }

  /**
   * A snapshot `authorHex` signed, merged here: its structs under their own clientIDs and their
   * own coverage mark are their signed word as much as their updates are.
   */
  noteOwnSnapshot(
    authorHex: string,
    seq: number,
    epoch: number,
    extents: Iterable<readonly [number, number]>,
  ): void {
    for (const [client, end] of extents) this.noteOwn(client, end);
    if (seq > this.knownSeq(authorHex)) {
      this.known.set(authorHex, seq);
      this.knownEpoch.set(authorHex, epoch);
    }
    if (seq <= this.verifiedSeq(authorHex)) return;
    let v = seq;
    const above = this.above.get(authorHex);
    if (above) {
      for (const s of above) if (s <= v) above.delete(s);
      while (above.delete(v + 1)) v++;
      if (above.size === 0) this.above.delete(authorHex);
    }
    this.verified.set(authorHex, v);
  }

  /** This peer's own extents (what it wrote itself is its own evidence). */
  noteOwn(client: number, end: number): void {
    if ((this.ends.get(client) ?? 0) < end) this.ends.set(client, end);
  }

  checkpoint(): EvidenceCheckpoint {
    return {
      verified: Object.fromEntries(this.verified),
      known: Object.fromEntries(this.known),
      knownEpochs: Object.fromEntries(this.knownEpoch),
      ends: Object.fromEntries(Array.from(this.ends, ([c, e]) => [String(c), e])),
    };
  }

  restore(cp: EvidenceCheckpoint): void {
    for (const [a, s] of Object.entries(cp.verified)) this.verified.set(a, s);
    for (const [a, s] of Object.entries(cp.known)) this.known.set(a, s);
    for (const [a, e] of Object.entries(cp.knownEpochs ?? {})) this.knownEpoch.set(a, e);
    for (const [c, e] of Object.entries(cp.ends)) this.noteOwn(Number(c), e);
  }
}
