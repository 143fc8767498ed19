import * as Y from 'yjs';
import { toHex } from '../crypto/bytes.ts';
import type { DecodedEnvelope } from '../envelope/DecodedEnvelope.ts';
import { ENVELOPE_KIND } from '../envelope/EnvelopeKind.ts';
import { checkClientIds } from './checkClientIds.ts';
import { scanUpdate } from './checkUpdateCost.ts';
import { clientIdFor } from './clientIdFor.ts';
import type { DropRanges } from './dropStructs.ts';
import { signedDigest } from './signedDigest.ts';
import { decodeUpdateBody } from './updateBody.ts';

/** Versions of one forked seq kept per author and document (the smallest digests). */
export const MAX_FORK_VERSIONS = 8;

/** One signed version of a forked update, as a fork proof carries it. */
export interface ForkVersion {
  readonly seq: number;
  readonly digest: string;
  readonly author: Uint8Array;
  readonly docId: Uint8Array;
  /** The epoch it was signed in. */
  readonly epoch: number;
  readonly client: number;
  readonly update: Uint8Array;
  /** The client's first and end clock in the update. */
  readonly from: number;
  readonly to: number;
}

/**
 * How one author's fork in one document heals (PROTOCOL §5.3): every member rebuilds the document
 * without the author's structs from `cut` on (per clientID of the forked versions), plus the
 * canonical version: among the versions of the lowest forked seq, the one whose structs start at
 * the lowest clock, then the one with the smallest signed digest.
 */
export interface HealRule {
  readonly authorHex: string;
  readonly seq: number;
  readonly canonical: ForkVersion;
  /**
   * The other versions of that seq in rank order, then every version of each later forked seq
   * (by seq, then rank): their words past what the document holds stay, deleted.
   */
  readonly others: readonly ForkVersion[];
  /** Per forked clientID: from the first clock any version writes, on. */
  readonly cut: DropRanges;
  /** Per forked clientID: the clocks some version writes (what may differ between members). */
  readonly forked: DropRanges;
  /** Changes whenever the rule does (a smaller version, a lower seq). */
  readonly key: string;
}

/**
 * The update versions of forked seqs that verified fork proofs show, per author and document.
 * Only what the proofs carry counts, so every member holding the same proofs computes the same
 * rule whatever it applied itself. Link-only proofs (seq n against n + 1) show no two versions
 * of one seq and heal nothing.
 */
export class ForkVersions {
  /** `${author}:${doc}` -> seq -> digest -> version. */
  private readonly bySeq = new Map<string, Map<number, Map<string, ForkVersion>>>();

  /**
   * `admits`: whether a version may heal into its document at all (its author may write it
   * there, at its epoch: CellSync); a version it refuses is left out of every rule.
   */
  constructor(private readonly admits: (version: ForkVersion) => boolean = () => true) {}

  /**
   * Adds both envelopes of a verified proof (`epochs`: each side's signing epoch); true when the
   * rule for that author and doc changed.
   */
  add(sides: readonly DecodedEnvelope[], epochs: readonly number[] = []): boolean {
    const first = sides[0];
    if (!first) return false;
    const id = `${toHex(first.author)}:${toHex(first.docId)}`;
    const before = this.rule(id)?.key;
    const seqs = this.bySeq.get(id) ?? new Map<number, Map<string, ForkVersion>>();
    for (const [i, env] of sides.entries()) {
      const version = versionOf(env, epochs[i] ?? 0);
      if (!version) continue;
      const at = seqs.get(env.seq) ?? new Map<string, ForkVersion>();
      at.set(version.digest, version);
      // Bounded: an informer can sign many versions; the earliest and smallest are what counts.
      while (at.size > MAX_FORK_VERSIONS) at.delete(byRank([...at.values()]).pop()?.digest ?? '');
      seqs.set(env.seq, at);
    }
    this.bySeq.set(id, seqs);
    return this.rule(id)?.key !== before;
  }

  /** The rules for one document, one per forking author. */
  rules(docHex: string): HealRule[] {
    const out: HealRule[] = [];
    for (const id of this.bySeq.keys()) {
      if (!id.endsWith(`:${docHex}`)) continue;
      const rule = this.rule(id);
      if (rule) out.push(rule);
    }
    return out;
  }

  private rule(id: string): HealRule | undefined {
    const seqs = this.bySeq.get(id);
    if (!seqs) return undefined;
    // Only versions their author may write count (asked now: a grant or admission may arrive).
    const usable = (s: number): ForkVersion[] =>
      [...(seqs.get(s)?.values() ?? [])].filter((v) => this.admits(v));
    const forkedSeqs = [...seqs.keys()].filter((s) => usable(s).length > 1).sort((a, b) => a - b);
    const [seq, ...laterSeqs] = forkedSeqs;
    if (seq === undefined) return undefined;
    const versions = byRank(usable(seq));
    const canonical = versions[0];
    if (!canonical) return undefined;
    // Every version of a later forked seq is a write after the fork: none is canonical, so every
    // member cuts them all and keeps them deleted, whichever of them it applied (or got inside a
    // snapshot before the proof reached it).
    const later = laterSeqs.flatMap((s) => byRank(usable(s)));
    const cut = new Map<number, { from: number; to: number }>();
    const forked = new Map<number, { from: number; to: number }>();
    for (const v of [...versions, ...later]) {
      const c = cut.get(v.client);
      cut.set(v.client, { from: Math.min(c?.from ?? v.from, v.from), to: Infinity });
      const f = forked.get(v.client);
      forked.set(v.client, {
        from: Math.min(f?.from ?? v.from, v.from),
        to: Math.max(f?.to ?? v.to, v.to),
      });
    }
    const ranges = [...forked].map(([c, r]) => `${c}:${r.from}-${r.to}`).join(',');
    const [authorHex = ''] = id.split(':');
    return {
      authorHex,
      seq,
      canonical,
      others: [...versions.slice(1), ...later],
      cut,
      forked,
      key: `${seq}:${canonical.digest}:${ranges}`,
    };
  }
}

/**
 * An update envelope whose body decodes and whose structs are all of the clientID its session
 * derives (what every member would have checked before applying it), and that is not too costly;
 * anything else is no version (it could not have been applied anywhere).
 */
function versionOf(env: DecodedEnvelope, epoch: number): ForkVersion | undefined {
  if (env.kind !== ENVELOPE_KIND.update) return undefined;
  const body = decodeUpdateBody(env.body);
  if (!body.ok) return undefined;
  const client = clientIdFor(env.author, env.docId, body.value.session);
  const { update } = body.value;
  const checked = checkClientIds(update, new Set([client]));
  if (!checked.ok || !scanUpdate(update).ok) return undefined;
  const to = checked.value.get(client);
  if (to === undefined) return undefined;
  // Decoded once already by checkClientIds: these bytes are well formed.
  const from = Y.parseUpdateMeta(update).from.get(client) ?? 0;
  const { author, docId, seq } = env;
  return { seq, digest: signedDigest(env), author, docId, epoch, client, update, from, to };
}

/**
 * Canonical first: the earliest start (a version starting later builds on clocks another one
 * holds), then the smallest signed digest.
 */
const byRank = (versions: ForkVersion[]): ForkVersion[] =>
  versions.sort((a, b) => (a.from !== b.from ? a.from - b.from : a.digest < b.digest ? -1 : 1));
