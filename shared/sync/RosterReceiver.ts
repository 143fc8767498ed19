import type { DecodedEnvelope } from '../envelope/DecodedEnvelope.ts';
import { toHex } from '../crypto/bytes.ts';
import type { CellContext } from './CellContext.ts';
import type { EntryStatus, WireScope } from './WireScope.ts';

/** Refused copies remembered for a second offer, at most (their bytes stay in the wire doc). */
const MAX_REMEMBERED = 65_536;

export interface RosterReceiverHooks {
  /** Keep the entry (saved in batches). */
  persist(scope: WireScope, key: string, bytes: Uint8Array): void;
  /** Open the entry again through the whole pipeline. */
  reopen(scope: WireScope, key: string): void;
}

/**
 * Roster envelopes after they opened (size, decrypt, decode, sender, signature): the op is
 * offered to the roster log, which judges it before anything keeps it (RosterLog). Held or
 * waiting ops are stored and carried by rollovers, one envelope per op and wire doc; refused
 * ones are counted and neither stored nor carried. A copy refused over a cap is remembered by
 * opId: if a coordinator's op turns out to need it, it is offered again.
 */
export class RosterReceiver {
  private readonly refused = new Map<string, { scope: WireScope; key: string }>();

  constructor(
    private readonly ctx: CellContext,
    private readonly hooks: RosterReceiverHooks,
  ) {}

  receive(scope: WireScope, key: string, env: DecodedEnvelope, bytes: Uint8Array): EntryStatus {
    const { ctx } = this;
    const { roster, onRosterOp } = ctx.opts;
    const keep = (opId: string | undefined): void => {
      const other = opId === undefined ? undefined : scope.rosterKeyOf.get(opId);
      if (other !== undefined && other !== key) return;
      scope.meta.set(key, {
        authorHex: toHex(env.author),
        docHex: toHex(env.docId),
        kind: env.kind,
        seq: env.seq,
      });
      this.hooks.persist(scope, key, bytes);
      if (opId !== undefined) scope.noteRosterOp(key, opId);
    };
    if (!roster.offerOp) {
      // A port that does not judge ops (fixedRoster): hand them on, as received.
      onRosterOp?.(env.body, env.author);
      ctx.diagnostics.applied++;
      keep(undefined);
      return 'applied';
    }
    const offered = roster.offerOp(env.body, env.author);
    const { outcome, opId } = offered;
    if (outcome === 'held' || outcome === 'waiting') {
      onRosterOp?.(env.body, env.author);
      ctx.diagnostics.applied++;
      keep(opId);
    } else if (outcome === 'known') {
      // Another copy of an op we hold: kept only if this wire doc has none, so we can carry it.
      ctx.diagnostics.duplicates++;
      keep(opId);
    } else {
      ctx.diagnostics.reject(outcome);
      if (outcome === 'roster_over_cap' && opId !== undefined) this.remember(opId, scope, key);
    }
    for (const id of offered.wanted) this.offerAgain(id);
    return outcome === 'held' || outcome === 'waiting' || outcome === 'known'
      ? 'applied'
      : 'rejected';
  }

  private remember(opId: string, scope: WireScope, key: string): void {
    this.refused.delete(opId);
    this.refused.set(opId, { scope, key });
    if (this.refused.size > MAX_REMEMBERED) {
      const oldest = this.refused.keys().next();
      if (!oldest.done) this.refused.delete(oldest.value);
    }
  }

  private offerAgain(opId: string): void {
    const copy = this.refused.get(opId);
    if (!copy) return;
    this.refused.delete(opId);
    // Only while its wire doc is still joined: otherwise a peer that holds the op carries it.
    if (this.ctx.scopes.get(copy.scope.key) !== copy.scope) return;
    copy.scope.status.delete(copy.key);
    this.hooks.reopen(copy.scope, copy.key);
  }
}
