import type { DecodedEnvelope } from '../envelope/DecodedEnvelope.ts';
import { decryptEnvelope } from '../envelope/decryptEnvelope.ts';
import type { CellContext } from './CellContext.ts';
import type { Quarantine } from './Quarantine.ts';
import { forkProofKey, MAX_FORK_PROOFS_PER_SCOPE, type ForkSide } from './forkProof.ts';
import { openForkProof } from './openForkProof.ts';
import { sealForkProof } from './sealForkProof.ts';
import type { WireScope } from './WireScope.ts';

/**
 * Fork proofs (forkProof.ts) in and out. A peer that sees one author sign two different envelopes
 * under one seq posts both into the current wire doc; every member checks both signatures itself
 * and names the author (Diagnostics.provenEquivocators). One proof per author, document and
 * forked seq (the lower seq of a link fork) per wire doc is kept and re-served, so that every
 * member learns the lowest forked seq (ForkVersions heals from it); further ones, and anything
 * that does not verify, are dropped.
 */
export class ForkProofs {
  private readonly kept = new WeakMap<WireScope, Set<string>>();

  constructor(
    private readonly ctx: CellContext,
    private readonly persist: (scope: WireScope, key: string, bytes: Uint8Array) => void,
    private readonly quarantine: Quarantine,
    /** Both envelopes of every proof that verified (the document heals from them). */
    private readonly proven: (sides: readonly DecodedEnvelope[], epochs: readonly number[]) => void,
  ) {}

  /** A `fork/` entry arrived in `scope`. */
  receive(scope: WireScope, key: string, value: unknown): void {
    const { ctx } = this;
    const opened = openForkProof(key, value, {
      cellId: ctx.opts.cellId,
      epoch: scope.epoch,
      contentKey: scope.secrets.contentKey,
      roster: ctx.opts.roster,
    });
    if (!opened.ok || !(value instanceof Uint8Array)) {
      ctx.diagnostics.reject('malformed');
      scope.status.set(key, 'rejected');
      return;
    }
    const { authorHex, docHex, proofId } = opened.value;
    ctx.diagnostics.proveEquivocator(authorHex, docHex);
    this.quarantine.proven(authorHex, docHex, proofId);
    this.proven(opened.value.sides, opened.value.epochs);
    scope.status.set(key, 'applied');
    const held = this.held(scope);
    const seq = Math.min(...opened.value.sides.map((s) => s.seq));
    const id = `${authorHex}:${docHex}:${seq}`;
    if (held.has(id) || held.size >= MAX_FORK_PROOFS_PER_SCOPE) {
      ctx.diagnostics.duplicates++;
      return;
    }
    held.add(id);
    this.persist(scope, key, value);
  }

  /**
   * We saw an author fork in a doc (`authorDoc`: `${author}:${doc}`, hex) at `seq`: `value` (in
   * `scope`) against the envelope we kept first, `priorId`. Posts a proof unless the current
   * wire doc already holds one for them at that seq.
   */
  prove(scope: WireScope, value: Uint8Array, priorId: string, authorDoc: string, seq: number) {
    const { ctx } = this;
    const target = ctx.current();
    if (this.held(target).has(`${authorDoc}:${seq}`)) return;
    const ours = this.side(scope, value);
    const prior = this.find(priorId);
    if (!ours || !prior) return;
    const cellId = ctx.opts.cellId;
    const { contentKey } = target.secrets;
    const sealed = sealForkProof(prior, ours, contentKey, cellId, target.epoch, ctx.opts.nonce?.());
    const key = forkProofKey(sealed);
    queueMicrotask(() => {
      if (!ctx.closed() && !target.map.has(key)) target.map.set(key, sealed);
    });
  }

  /** Author:doc:seq whose proof this wire doc keeps. */
  private held(scope: WireScope): Set<string> {
    let held = this.kept.get(scope);
    if (!held) this.kept.set(scope, (held = new Set()));
    return held;
  }

  private side(scope: WireScope, bytes: Uint8Array): ForkSide | undefined {
    const plain = decryptEnvelope(
      bytes,
      scope.secrets.contentKey,
      this.ctx.opts.cellId,
      scope.epoch,
    );
    return plain.ok ? { epoch: scope.epoch, plaintext: plain.value } : undefined;
  }

  private find(envId: string): ForkSide | undefined {
    for (const scope of this.ctx.scopes.values()) {
      const bytes = scope.kept.get(envId) ?? scope.map.get(envId);
      if (bytes instanceof Uint8Array) {
        const side = this.side(scope, bytes);
        if (side) return side;
      }
    }
    return undefined;
  }
}
