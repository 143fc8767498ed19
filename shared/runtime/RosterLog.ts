import { toHex } from '../crypto/bytes.ts';
import { ENVELOPE_KIND, type EnvelopeKind } from '../envelope/EnvelopeKind.ts';
import { verifyCached } from '../roster/buildOpGraph.ts';
import { canWrite } from '../roster/canWrite.ts';
import { computeRoster } from '../roster/computeRoster.ts';
import { decodeRosterOp } from '../roster/decodeRosterOp.ts';
import { judgeOwnPast } from '../roster/judgeOwnPast.ts';
import type { Roster } from '../roster/Roster.ts';
import { createRosterCache, type RosterCache } from '../roster/RosterCache.ts';
import { pruneRotateWraps, wrapsPruned } from '../roster/pruneRotateWraps.ts';
import { MAX_OP_BYTES, ROTATE_OP_VERSION, type RosterOp } from '../roster/RosterOp.ts';
import type {
  RosterOffer,
  RosterOfferOutcome,
  RosterPort,
  WriteCheck,
} from '../sync/RosterPort.ts';
import { RosterGate } from './RosterGate.ts';
import { rosterHeads } from './rosterHeads.ts';

const result = (
  outcome: RosterOfferOutcome,
  opId: string | undefined,
  reason?: string,
): RosterOffer => ({ outcome, opId, wanted: [], ...(reason ? { reason } : {}) });

interface Fresh {
  readonly op: RosterOp;
  readonly bytes: Uint8Array;
  /** Indexes in the batch where these bytes were offered. */
  readonly at: number[];
}

/**
 * The cell's roster log as the sync engine's RosterPort: holds the ops that may count (from
 * roster envelopes, a welcome, or our store), recomputes the roster deterministically
 * (computeRoster) when one arrives, and answers who may write. Nothing is kept before it is
 * judged: bad bytes and ops that cannot count even in their own causal past are refused for good
 * (never stored, never carried); an op whose heads are not all here waits in a bounded buffer;
 * ops from roster envelopes are capped per author and per sender (RosterGate), except a
 * coordinator's remove and rotate, and any op a coordinator's waiting op needs.
 */
export class RosterLog implements RosterPort {
  private readonly ops = new Map<string, Uint8Array>();
  private readonly gate = new RosterGate();
  private readonly cache: RosterCache;
  private current: Roster;
  private readonly listeners = new Set<() => void>();
  /** History horizon: rotates to epochs below this are kept without their wraps (§11.5). */
  private floor: number;
  /** How many pruned copies a copy with wraps has filled (fillsPrunedWraps). */
  private filled = 0;

  constructor(
    private readonly cellId: Uint8Array,
    initial: Iterable<Uint8Array> = [],
    floor = 0,
  ) {
    this.floor = floor;
    this.cache = createRosterCache(toHex(cellId));
    this.current = this.compute();
    this.admit(Array.from(initial), undefined);
    this.current = this.compute();
  }

  /**
   * The history horizon passed every epoch below `epoch`: the rotates that opened them keep their
   * signed digest but lose their wraps, here and in every op that arrives later, so this device
   * can no longer open their keys with its box key, nor hand their wraps to anyone. Returns
   * whether any held op changed (the caller stores the log again).
   */
  pruneBelow(epoch: number): boolean {
    this.floor = Math.max(this.floor, epoch);
    let changed = false;
    for (const [opId, bytes] of this.ops) {
      const kept = this.keepable(bytes);
      if (kept !== bytes) {
        this.ops.set(opId, kept);
        this.cache.verified.delete(opId);
        changed = true;
      }
    }
    for (const [opId, w] of this.gate.waiting) {
      const kept = this.keepable(w.bytes);
      const op = kept !== w.bytes ? decodeRosterOp(kept) : undefined;
      if (op?.ok) this.gate.waiting.set(opId, { ...w, bytes: kept, op: op.value });
    }
    return changed;
  }

  /** The bytes to keep of an op: a rotate below the floor without its wraps (pruneRotateWraps). */
  private keepable(bytes: Uint8Array): Uint8Array {
    if (this.floor === 0 || bytes[0] !== ROTATE_OP_VERSION) return bytes;
    const op = decodeRosterOp(bytes);
    const below = op.ok && op.value.body.type === 'rotate' && op.value.body.newEpoch < this.floor;
    return below ? pruneRotateWraps(bytes) : bytes;
  }

  /**
   * A copy of a held rotate that carries the wraps our copy lacks (pruned by a peer's horizon,
   * PROTOCOL §11.5), for an epoch we have not forgotten: the same op (same opId, so the same
   * signed bytes) whose wraps match the signed digest (decodeRosterOp checked it), so we keep
   * it instead and our key for that epoch can be opened.
   */
  private fillsPrunedWraps(op: RosterOp, bytes: Uint8Array): boolean {
    const held = this.ops.get(op.opId);
    if (!held || op.body.type !== 'rotate' || op.body.newEpoch < this.floor) return false;
    if (op.body.wraps.some((w) => !w.sealed) || !wrapsPruned(held)) return false;
    this.ops.set(op.opId, bytes.slice());
    this.cache.verified.delete(op.opId);
    return true;
  }

  /**
   * Adds ops we trust to be offered (a verified welcome, our store): judged like any, but not
   * capped. Recomputes and notifies when anything new arrived; returns whether it did.
   */
  add(...ops: readonly Uint8Array[]): boolean {
    return this.settle(ops, undefined).some((r) => r.outcome === 'held' || r.outcome === 'waiting');
  }

  /** An op from a roster envelope sent by `sender` (or our own, before we publish it): capped. */
  offer(op: Uint8Array, sender: Uint8Array): RosterOffer {
    return this.settle([op], toHex(sender))[0] ?? result('roster_invalid', undefined);
  }

  offerOp(op: Uint8Array, sender: Uint8Array): RosterOffer {
    return this.offer(op, sender);
  }

  carries(opId: string): boolean {
    return this.ops.has(opId) || this.gate.waiting.has(opId);
  }

  private settle(batch: readonly Uint8Array[], sender: string | undefined): RosterOffer[] {
    const before = this.current;
    const waiting = this.gate.waiting.size;
    const filled = this.filled;
    const results = this.admit(batch, sender);
    const grew = results.some((r) => r.outcome === 'held' || r.outcome === 'waiting');
    // Wraps that filled a pruned copy change no roster, but may give us a key: say so.
    if (this.filled !== filled) for (const l of this.listeners) l();
    if (!grew && this.gate.waiting.size === waiting) return results;
    this.current = this.compute();
    // Any change of what counts, not only of how much: a concurrent rotate can replace ours with
    // the same count and the same epoch number, and our key must follow it (countedEpochKeys).
    // And a new op that does not count: a rival's rotate makes an epoch contested (RosterFanout).
    const after = this.current;
    const applied = after.applied;
    if (
      before.applied.length !== applied.length ||
      before.applied.some((id, i) => id !== applied[i]) ||
      before.rejected.length !== after.rejected.length
    )
      for (const l of this.listeners) l();
    return results;
  }

  /** Drops what the cache learnt about an op we do not keep: junk costs no memory. */
  private forget(opId: string): void {
    this.cache.verified.delete(opId);
    this.cache.past.delete(opId);
    this.cache.after.delete(opId);
  }

  /** A refusal that needs neither the signature nor a replay, if one applies. */
  private refusedEarly(op: RosterOp, capped: boolean): RosterOffer | undefined {
    const unauthorised = this.gate.surelyUnauthorised(op);
    if (unauthorised) return result('roster_unauthorised', op.opId, unauthorised);
    const over =
      capped &&
      (this.gate.refusesHeld(op, this.current, this.ops.size, false) ||
        (this.gate.struckOut(op.authorHex) && !this.gate.rekeyAllowed(op)));
    return over ? result('roster_over_cap', op.opId, 'over_cap') : undefined;
  }

  private admit(batch: readonly Uint8Array[], sender: string | undefined): RosterOffer[] {
    const capped = sender !== undefined;
    const roster = this.current;
    const isHeld = (id: string): boolean => this.ops.has(id);
    // Computed once, and only when a cap would refuse something (a walk of the waiting ops).
    let needed: ReadonlySet<string> | undefined;
    const isNeeded = (id: string): boolean => (needed ??= this.gate.needed(roster, isHeld)).has(id);
    const results: RosterOffer[] = [];
    const fresh = new Map<string, Fresh>();
    for (const [i, bytes] of batch.entries()) {
      if (bytes.length > MAX_OP_BYTES) {
        results[i] = result('roster_invalid', undefined, 'oversize');
        continue;
      }
      // Decoding alone (no signature yet) gives the id and what the op claims.
      const claimed = decodeRosterOp(bytes);
      if (!claimed.ok) {
        results[i] = result('roster_invalid', undefined, claimed.error);
        continue;
      }
      const id = claimed.value.opId;
      const prior = fresh.get(id);
      if (prior) prior.at.push(i);
      if (!prior && this.fillsPrunedWraps(claimed.value, bytes)) this.filled++;
      if (prior || this.carries(id)) {
        results[i] ??= result('known', id);
        continue;
      }
      // Cheap refusals first, where the op's whole causal past is here: they hold whoever signed
      // it (an op its claimed author could not have made, or one over that author's cap), so a
      // flood costs a decode and a hash, no signature check and no graph.
      const early = claimed.value.heads.every(isHeld)
        ? this.refusedEarly(claimed.value, capped)
        : undefined;
      if (early && !(early.outcome === 'roster_over_cap' && isNeeded(id))) {
        results[i] = early;
        continue;
      }
      const { entry } = verifyCached(bytes, this.cache, this.cellId);
      if (!entry.result.ok) {
        this.forget(id);
        results[i] = result('roster_invalid', id, entry.result.error);
        continue;
      }
      const { op } = entry.result.value;
      fresh.set(id, { op, bytes: entry.bytes, at: [i] });
    }
    if (fresh.size > 0) this.place(fresh, results, sender, isNeeded);
    if (capped && results.some((r) => r.outcome === 'waiting')) {
      const wanted = [...this.gate.needed(roster, isHeld)].filter((id) => !this.carries(id));
      for (const [i, r] of results.entries())
        if (r.outcome === 'waiting') results[i] = { ...r, wanted };
    }
    return results;
  }

  /**
   * Judges the fresh ops together with every waiting one, in canonical order (heads first): an op
   * whose heads are all held and that counts in its own past is held (caps permitting), one that
   * cannot count is dropped for good, and one whose heads are missing waits.
   */
  private place(
    fresh: ReadonlyMap<string, Fresh>,
    results: RosterOffer[],
    sender: string | undefined,
    isNeeded: (opId: string) => boolean,
  ): void {
    const roster = this.current;
    const waiting = this.gate.waiting;
    const candidates = new Set([...fresh.keys(), ...waiting.keys()]);
    const all = [
      ...this.ops.values(),
      ...Array.from(waiting.values(), (w) => w.bytes),
      ...Array.from(fresh.values(), (f) => f.bytes),
    ];
    for (const { opId, verdict } of judgeOwnPast(this.cellId, all, candidates, this.cache)) {
      const f = fresh.get(opId);
      const w = f ? undefined : waiting.get(opId);
      const op = f?.op ?? w?.op;
      const bytes = f?.bytes ?? w?.bytes;
      if (!op || !bytes) continue;
      const capped = f ? sender !== undefined : (w?.capped ?? false);
      let outcome: RosterOfferOutcome;
      let reason: string | undefined;
      if (verdict === 'missing_heads' || !op.heads.every((h) => this.ops.has(h))) {
        if (w) continue;
        const from = sender ?? op.authorHex;
        if (capped && this.gate.refusesWaiting(op, from, roster, false) && !isNeeded(opId)) {
          outcome = 'roster_over_cap';
          reason = 'over_cap';
        } else {
          this.gate.wait({ bytes, op, sender: from, capped });
          outcome = 'waiting';
        }
      } else if (verdict !== 'ok') {
        outcome = 'roster_unauthorised';
        reason = verdict;
        if (capped) this.gate.strike(op.authorHex);
      } else if (
        capped &&
        this.gate.refusesHeld(op, roster, this.ops.size, false) &&
        !isNeeded(opId)
      ) {
        outcome = 'roster_over_cap';
        reason = 'over_cap';
      } else {
        this.ops.set(opId, this.keepable(bytes));
        this.gate.held(op);
        outcome = 'held';
      }
      if (outcome !== 'waiting') this.gate.unwait(opId);
      if (outcome !== 'waiting' && outcome !== 'held') this.forget(opId);
      for (const i of f?.at ?? []) results[i] = result(outcome, opId, reason);
    }
  }

  private compute(): Roster {
    const waiting = Array.from(this.gate.waiting.values(), (w) => w.bytes);
    return computeRoster([...this.ops.values(), ...waiting], {
      cellId: this.cellId,
      cache: this.cache,
    });
  }

  roster(): Roster {
    return this.current;
  }

  /** Every op held, by opId. */
  byId(): ReadonlyMap<string, Uint8Array> {
    return this.ops;
  }

  /** The op with this id, if held. */
  get(opId: string): Uint8Array | undefined {
    return this.ops.get(opId);
  }

  allOps(): Uint8Array[] {
    return Array.from(this.ops.values());
  }

  /** The heads a new op (by `authorHex`, if given) names: see rosterHeads. */
  heads(authorHex?: string): string[] {
    return rosterHeads(
      this.current.applied,
      this.ops,
      (hex) => this.gate.wasCoordinator(hex),
      authorHex,
    );
  }

  /**
   * The roster's own answer, the same for every document: a reader may not write anywhere here.
   * A cell that lets readers comment wraps this (readerComments), for comments documents only.
   */
  writeCheck(
    author: Uint8Array,
    epoch: number,
    kind: EnvelopeKind,
    _docId?: Uint8Array,
  ): WriteCheck {
    const hex = toHex(author);
    const roster = this.current;
    if (kind === ENVELOPE_KIND.roster) {
      // Governance ops carry their own signatures and authority checks (computeRoster); any
      // current non-relay identity may carry them, including a reader leaving or renaming. So may
      // a departed one: its ops concurrent with its removal decide a removal race (a coordinator
      // removing its remover), and every peer must judge the same set of ops or they split for
      // good; what it signs after its removal counts for nothing (and RosterGate caps it).
      const m = roster.members.get(hex);
      if (m) return m.role !== 'relay' ? 'ok' : 'not_member';
      // A re-keyed one too: a competing rekey of the same key must reach every peer, or a peer
      // that saw the other rekey first would never learn of the conflict (PROTOCOL §9.4).
      return roster.removed.has(hex) || roster.left.has(hex) || roster.rekeyed.has(hex)
        ? 'ok'
        : 'not_member';
    }
    if (canWrite(roster, hex, epoch)) return 'ok';
    return roster.members.has(hex) ? 'not_writer' : 'not_member';
  }

  isCoordinator(author: Uint8Array): boolean {
    return this.current.members.get(toHex(author))?.role === 'coordinator';
  }

  knows(author: Uint8Array): boolean {
    const hex = toHex(author);
    const r = this.current;
    // A re-keyed identity too: its writing from before the rekey is still in snapshots.
    return r.members.has(hex) || r.removed.has(hex) || r.left.has(hex) || r.rekeyed.has(hex);
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
