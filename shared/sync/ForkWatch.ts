import { bytesEqual, toHex } from '../crypto/bytes.ts';
import type { DecodedEnvelope } from '../envelope/DecodedEnvelope.ts';
import { ENVELOPE_KIND } from '../envelope/EnvelopeKind.ts';
import { seenKey, type CellContext, type SeenEntry } from './CellContext.ts';
import type { ForkProofs } from './ForkProofs.ts';
import type { Quarantine } from './Quarantine.ts';
import { judgeSeen, type SeenVerdict } from './judgeSeen.ts';
import { signedDigest } from './signedDigest.ts';
import { decodeUpdateBody, NO_PREV } from './updateBody.ts';
import type { WireScope } from './WireScope.ts';

/** An opened envelope that may go on: how it relates to what we kept, and what to remember. */
export interface Judged {
  readonly verdict: SeenVerdict;
  readonly seen: string;
  readonly entry: SeenEntry;
}

/**
 * Equivocation, found three ways (PROTOCOL §5 step 6, §5.1): two envelopes of one author, doc,
 * kind and seq with different signed fields; an update whose hash-chain link (`prev`) names
 * another envelope than the one we kept at seq - 1; or a kept update at seq + 1 that names
 * another envelope than this one. Each posts a fork proof (ForkProofs) and the new side is
 * refused. Writes of an author proven to fork in a document are held there (quarantine).
 */
export class ForkWatch {
  constructor(
    private readonly ctx: CellContext,
    private readonly forks: ForkProofs,
    private readonly quarantine: Quarantine,
    private readonly persist: (scope: WireScope, key: string, bytes: Uint8Array) => void,
    private readonly forkedSeq: (authorHex: string, docHex: string) => number | undefined,
  ) {}

  /** The verdict, or undefined when the entry was refused or held here (counted, status set). */
  judge(scope: WireScope, key: string, env: DecodedEnvelope, value: unknown): Judged | undefined {
    const { ctx } = this;
    const authorHex = toHex(env.author);
    const docHex = toHex(env.docId);
    const seen = seenKey(authorHex, docHex, env.kind, env.seq);
    const signed = signedDigest(env);
    const prior = ctx.seen.get(seen);
    const verdict = judgeSeen(ctx, prior, key, signed);
    if (verdict === 'fork') {
      ctx.diagnostics.equivocators.add(authorHex);
      if (prior && env.kind !== ENVELOPE_KIND.roster && value instanceof Uint8Array)
        this.forks.prove(scope, value, prior.envId, `${authorHex}:${docHex}`, env.seq);
      // A roster op stands on its own signature and the roster decides what counts, so it goes on
      // to the roster log even from an equivocating sender: two devices holding one key (an imaged
      // device racing its owner's rekey) both reach every peer, or peers split (PROTOCOL §9.4).
      if (env.kind !== ENVELOPE_KIND.roster) return this.refuse(scope, key, 'equivocation');
    }
    if (verdict === 'new' && this.quarantined(env, authorHex, docHex))
      return this.hold(scope, key, env, value);
    ctx.diagnostics.quarantined.delete(key);
    if (env.kind !== ENVELOPE_KIND.update || verdict !== 'new')
      return { verdict, seen, entry: { envId: key, signed } };
    const body = decodeUpdateBody(env.body);
    // A body that does not decode is refused by the receiver as it always was.
    if (!body.ok) return { verdict, seen, entry: { envId: key, signed } };
    const prev = toHex(body.value.prev);
    if ((env.seq === 1) !== bytesEqual(body.value.prev, NO_PREV))
      return this.refuse(scope, key, 'malformed_update');
    const lower = ctx.seen.get(seenKey(authorHex, docHex, env.kind, env.seq - 1));
    const upper = ctx.seen.get(seenKey(authorHex, docHex, env.kind, env.seq + 1));
    const bytes = value instanceof Uint8Array ? value : undefined;
    if (lower?.signed !== undefined && lower.signed !== prev) {
      ctx.diagnostics.equivocators.add(authorHex);
      if (bytes) this.forks.prove(scope, bytes, lower.envId, `${authorHex}:${docHex}`, env.seq - 1);
      return this.refuse(scope, key, 'equivocation');
    }
    if (upper?.prev !== undefined && upper.prev !== signed) {
      // The later envelope (already kept) names another seq than this one: proven, and this one
      // still goes on (it may be the version everyone else holds).
      ctx.diagnostics.equivocators.add(authorHex);
      if (bytes) this.forks.prove(scope, bytes, upper.envId, `${authorHex}:${docHex}`, env.seq);
    }
    return { verdict, seen, entry: { envId: key, signed, prev } };
  }

  /**
   * New writes by an author a verified proof shows forking in this document: snapshots, and
   * updates past what we applied of them (an update we applied before, read back after a
   * restart, is not new), except those before the seq two versions are proven of: every member
   * that applied them holds them, and the canonical version builds on them.
   */
  private quarantined(env: DecodedEnvelope, authorHex: string, docHex: string): boolean {
    if (env.kind !== ENVELOPE_KIND.update && env.kind !== ENVELOPE_KIND.snapshot) return false;
    if (!this.quarantine.holds(authorHex, docHex)) return false;
    if (env.kind === ENVELOPE_KIND.snapshot) return true;
    const forked = this.forkedSeq(authorHex, docHex);
    if (forked !== undefined && env.seq < forked) return false;
    return env.seq > (this.ctx.replica(env.docId).applied.get(authorHex) ?? 0);
  }

  /**
   * Kept in the wire doc and our store (and carried by rollovers like any update beyond the
   * snapshots), never applied, counted; opened again by a rescan once the quarantine is lifted.
   */
  private hold(scope: WireScope, key: string, env: DecodedEnvelope, value: unknown): undefined {
    scope.status.set(key, 'retry');
    const meta = { authorHex: toHex(env.author), docHex: toHex(env.docId) };
    scope.meta.set(key, { ...meta, kind: env.kind, seq: env.seq });
    this.ctx.diagnostics.quarantined.add(key);
    if (value instanceof Uint8Array) this.persist(scope, key, value);
    return undefined;
  }

  private refuse(
    scope: WireScope,
    key: string,
    reason: 'equivocation' | 'malformed_update',
  ): undefined {
    scope.status.set(key, 'rejected');
    this.ctx.diagnostics.reject(reason);
    return undefined;
  }
}
