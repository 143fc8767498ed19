import { toHex } from '../crypto/bytes.ts';
import { ENVELOPE_KIND, type EnvelopeKind } from '../envelope/EnvelopeKind.ts';
import { canWrite } from '../roster/canWrite.ts';
import { computeRoster } from '../roster/computeRoster.ts';
import { decodeRosterOp } from '../roster/decodeRosterOp.ts';
import type { Roster } from '../roster/Roster.ts';
import { createRosterCache, type RosterCache } from '../roster/RosterCache.ts';
import { MAX_HEADS, MAX_OP_BYTES } from '../roster/RosterOp.ts';
import { rosterOpId } from '../roster/rosterOpId.ts';
import type { RosterPort, WriteCheck } from '../sync/RosterPort.ts';

/** At most this many ops per cell are held: a member flooding governance ops cannot grow us further. */
export const MAX_ROSTER_OPS = 20_000;

/**
 * The cell's roster log as the sync engine's RosterPort: holds every op seen (from roster
 * envelopes or a welcome), recomputes the roster deterministically (computeRoster) when a new op
 * arrives, and answers who may write. Ops are validated by computeRoster itself; here they are
 * only size-capped and deduplicated.
 */
export class RosterLog implements RosterPort {
  private readonly ops = new Map<string, Uint8Array>();
  private readonly cache: RosterCache;
  private current: Roster;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly cellId: Uint8Array,
    initial: Iterable<Uint8Array> = [],
  ) {
    this.cache = createRosterCache(toHex(cellId));
    for (const op of initial) this.hold(op);
    this.current = this.compute();
  }

  private hold(op: Uint8Array): boolean {
    if (op.length > MAX_OP_BYTES || this.ops.size >= MAX_ROSTER_OPS) return false;
    const id = rosterOpId(op);
    if (this.ops.has(id)) return false;
    this.ops.set(id, op.slice());
    return true;
  }

  private compute(): Roster {
    return computeRoster(this.ops.values(), { cellId: this.cellId, cache: this.cache });
  }

  /** Adds ops; recomputes and notifies when anything new arrived. Returns whether it did. */
  add(...ops: readonly Uint8Array[]): boolean {
    let changed = false;
    for (const op of ops) changed = this.hold(op) || changed;
    if (!changed) return false;
    const before = this.current;
    this.current = this.compute();
    // Any change of what counts, not only of how much: a concurrent rotate can replace ours with
    // the same count and the same epoch number, and our key must follow it (countedEpochKeys).
    const after = this.current.applied;
    if (before.applied.length !== after.length || before.applied.some((id, i) => id !== after[i]))
      for (const l of this.listeners) l();
    return true;
  }

  roster(): Roster {
    return this.current;
  }

  /** The op with this id, if held. */
  get(opId: string): Uint8Array | undefined {
    return this.ops.get(opId);
  }

  allOps(): Uint8Array[] {
    return Array.from(this.ops.values());
  }

  /** The counted ops nobody references yet: the heads a new op names. */
  heads(): string[] {
    const referenced = new Set<string>();
    for (const id of this.current.applied) {
      const op = this.ops.get(id);
      const decoded = op && decodeRosterOp(op);
      if (decoded?.ok) for (const h of decoded.value.heads) referenced.add(h);
    }
    const tips = this.current.applied.filter((id) => !referenced.has(id));
    return tips.sort().slice(-MAX_HEADS);
  }

  writeCheck(author: Uint8Array, epoch: number, kind: EnvelopeKind): WriteCheck {
    const hex = toHex(author);
    const roster = this.current;
    if (kind === ENVELOPE_KIND.roster) {
      // Governance ops carry their own signatures and authority checks (computeRoster); any
      // current non-relay identity may carry them, including a reader leaving or renaming.
      const m = roster.members.get(hex);
      return m && m.role !== 'relay' ? 'ok' : 'not_member';
    }
    if (canWrite(roster, hex, epoch)) return 'ok';
    return roster.members.has(hex) ? 'not_writer' : 'not_member';
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
