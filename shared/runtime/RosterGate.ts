import { toHex } from '../crypto/bytes.ts';
import { GOVERNANCE } from '../roster/evaluateOp.ts';
import type { Roster } from '../roster/Roster.ts';
import type { RosterOp } from '../roster/RosterOp.ts';

/** Held ops per author who is not a coordinator: a reader's or member's ops are few (rename, leave). */
export const MAX_OPS_PER_MEMBER = 64;
/** Held ops per coordinator; its remove and rotate ops are never refused by a cap. */
export const MAX_OPS_PER_COORDINATOR = 4096;
/** Ops held in all (remove and rotate aside): a welcome carries at most 16,384. */
export const MAX_ROSTER_OPS = 16_000;
/** Ops waiting for their heads, per sender: a coordinator's own may wait in larger numbers. */
export const MAX_WAITING_PER_MEMBER = 32;
export const MAX_WAITING_PER_COORDINATOR = 1024;
/** Ops waiting in all (remove and rotate by a coordinator aside). */
export const MAX_WAITING = 4096;
/**
 * Ops of one author judged unable to count (each costs a replay of its causal past): past this
 * many, that author's further ops are refused unjudged, unless a coordinator's op needs one.
 */
export const MAX_STRIKES = 256;
/**
 * Rekeys of one author (held or waiting) let in past every cap and strike count: whoever imaged a
 * device holds the old key and could fill its caps first, which would keep the member's own rekey
 * out; two are enough for every peer to see a race between two (PROTOCOL §9.4).
 */
export const MAX_REKEYS_PAST_CAPS = 2;
/**
 * Held reboxes per author, counted apart from MAX_OPS_PER_MEMBER: every member reboxes once per
 * rotation (reboxSelf.ts), so they pile up for as long as the cell lives (1,024: 85 years of
 * 30-day horizons, 19 of 7-day ones); MAX_ROSTER_OPS still bounds them all.
 */
export const MAX_REBOXES_PER_AUTHOR = 1024;

/** A verified op whose heads are not all held yet. */
export interface WaitingOp {
  readonly bytes: Uint8Array;
  readonly op: RosterOp;
  /** Who sent it (signPk hex; its author for local input): waiting ops are counted per sender. */
  readonly sender: string;
  /** Whether caps apply to it (it came in a roster envelope, not from a welcome or our store). */
  readonly capped: boolean;
}

const isCoordinator = (roster: Roster, hex: string): boolean =>
  roster.members.get(hex)?.role === 'coordinator';

/** A coordinator's remove and rotate: never refused by a cap, so an informer can be removed. */
const uncapped = (op: RosterOp, roster: Roster): boolean =>
  (op.body.type === 'remove' || op.body.type === 'rotate') && isCoordinator(roster, op.authorHex);

function bump(counts: Map<string, number>, key: string, by: number): void {
  const n = (counts.get(key) ?? 0) + by;
  if (n > 0) counts.set(key, n);
  else counts.delete(key);
}

/**
 * What the roster log lets in, and how much of it (issue 13 item 3): per-author caps on held
 * ops, per-sender caps on ops waiting for their heads, and a cheap first test of authority from
 * the identities that held ops ever made members or coordinators. All of it is bookkeeping of
 * the log's own content; the rules of what counts stay in computeRoster.
 */
export class RosterGate {
  readonly waiting = new Map<string, WaitingOp>();
  private readonly heldBy = new Map<string, number>();
  private readonly waitingBy = new Map<string, number>();
  private readonly everMember = new Set<string>();
  private readonly everCoordinator = new Set<string>();
  private readonly strikes = new Map<string, number>();
  private readonly rekeysBy = new Map<string, number>();
  private readonly reboxesBy = new Map<string, number>();

  /** Bookkeeping for an op that entered the log's graph. */
  held(op: RosterOp): void {
    if (op.body.type === 'rebox') bump(this.reboxesBy, op.authorHex, 1);
    else bump(this.heldBy, op.authorHex, 1);
    if (op.body.type === 'rekey') bump(this.rekeysBy, op.authorHex, 1);
    const b = op.body;
    if (b.type === 'genesis') {
      this.everMember.add(op.authorHex);
      this.everCoordinator.add(op.authorHex);
    } else if (b.type === 'admit') {
      this.everMember.add(op.subjectHex ?? '');
      if (b.role === 'coordinator') this.everCoordinator.add(op.subjectHex ?? '');
    } else if (b.type === 'set-role' && b.role === 'coordinator') {
      this.everCoordinator.add(op.subjectHex ?? '');
    }
    // An op that moves an identity onto new keys (a rekey) makes them whatever it was.
    const moved = 'newSignPk' in b && b.newSignPk instanceof Uint8Array ? toHex(b.newSignPk) : '';
    if (moved) {
      this.everMember.add(moved);
      this.everCoordinator.add(moved);
    }
  }

  /** Did some held op ever make this identity a coordinator? */
  wasCoordinator(hex: string): boolean {
    return this.everCoordinator.has(hex);
  }

  wait(entry: WaitingOp): void {
    this.waiting.set(entry.op.opId, entry);
    bump(this.waitingBy, entry.sender, 1);
    if (entry.op.body.type === 'rekey') bump(this.rekeysBy, entry.op.authorHex, 1);
  }

  unwait(opId: string): WaitingOp | undefined {
    const entry = this.waiting.get(opId);
    if (!entry) return undefined;
    this.waiting.delete(opId);
    bump(this.waitingBy, entry.sender, -1);
    if (entry.op.body.type === 'rekey') bump(this.rekeysBy, entry.op.authorHex, -1);
    return entry;
  }

  /**
   * Without building any graph: an op whose whole causal past is held, by an author no held op
   * ever made a member (or, for a governance op, a coordinator), cannot count in its own past.
   */
  surelyUnauthorised(op: RosterOp): 'not_member' | 'not_coordinator' | undefined {
    if (op.body.type === 'genesis') return undefined;
    if (!this.everMember.has(op.authorHex)) return 'not_member';
    if (GOVERNANCE.has(op.body.type) && !this.everCoordinator.has(op.authorHex))
      return 'not_coordinator';
    return undefined;
  }

  /** An op of this author was judged unable to count. */
  strike(authorHex: string): void {
    bump(this.strikes, authorHex, 1);
  }

  /** Has this author sent so many ops that could not count that we stop judging theirs? */
  struckOut(authorHex: string): boolean {
    return (this.strikes.get(authorHex) ?? 0) >= MAX_STRIKES;
  }

  /** A rekey within its author's allowance (MAX_REKEYS_PAST_CAPS): no cap or strike refuses it. */
  rekeyAllowed(op: RosterOp): boolean {
    return (
      op.body.type === 'rekey' && (this.rekeysBy.get(op.authorHex) ?? 0) < MAX_REKEYS_PAST_CAPS
    );
  }

  /** Would holding one more op of this author exceed a cap? `needed` ops are never refused. */
  refusesHeld(op: RosterOp, roster: Roster, total: number, needed: boolean): boolean {
    if (needed || uncapped(op, roster) || this.rekeyAllowed(op)) return false;
    if (total >= MAX_ROSTER_OPS) return true;
    if (op.body.type === 'rebox')
      return (this.reboxesBy.get(op.authorHex) ?? 0) >= MAX_REBOXES_PER_AUTHOR;
    const cap = isCoordinator(roster, op.authorHex) ? MAX_OPS_PER_COORDINATOR : MAX_OPS_PER_MEMBER;
    return (this.heldBy.get(op.authorHex) ?? 0) >= cap;
  }

  refusesWaiting(op: RosterOp, sender: string, roster: Roster, needed: boolean): boolean {
    if (needed || uncapped(op, roster) || this.rekeyAllowed(op)) return false;
    const cap = isCoordinator(roster, sender)
      ? MAX_WAITING_PER_COORDINATOR
      : MAX_WAITING_PER_MEMBER;
    return this.waiting.size >= MAX_WAITING || (this.waitingBy.get(sender) ?? 0) >= cap;
  }

  /**
   * Ops that a coordinator's waiting op needs (its heads not held, transitively through other
   * waiting ops): they are let in past every cap. Peers may hold different subsets of a flooding
   * member's ops; a coordinator's op that names one this log refused must still be placeable.
   */
  needed(roster: Roster, isHeld: (opId: string) => boolean): Set<string> {
    const out = new Set<string>();
    const seen = new Set<string>();
    const stack: string[] = [];
    for (const [id, w] of this.waiting) if (isCoordinator(roster, w.op.authorHex)) stack.push(id);
    for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
      if (seen.has(id)) continue;
      seen.add(id);
      for (const h of this.waiting.get(id)?.op.heads ?? []) {
        if (isHeld(h)) continue;
        out.add(h);
        if (this.waiting.has(h)) stack.push(h);
      }
    }
    return out;
  }
}
