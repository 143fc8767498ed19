import { applyGenesis, applyOp, depart } from './applyOp.ts';
import type { GraphOp, OpGraph } from './buildOpGraph.ts';
import {
  authorize,
  evaluateOp,
  GOVERNANCE,
  NO_CONCURRENCY,
  type EvaluateContext,
  type Verdict,
} from './evaluateOp.ts';
import { emptyState, predecessorsOf, type RosterState } from './RosterState.ts';

export interface ReplayResult {
  readonly state: RosterState;
  /** One verdict per op of the set. */
  readonly verdicts: ReadonlyMap<number, Verdict>;
  /** Indexes of the ops that counted, in replay order. */
  readonly applied: readonly number[];
}

/** An op that takes authority away: remove, leave, or a coordinator's demotion. */
interface Departure {
  readonly i: number;
  readonly target: string;
  /** true: every op of the target is affected; false (demotion): only its governance ops. */
  readonly total: boolean;
  /** Seniority of the author (when it became coordinator), then the op's own order key. */
  readonly priority: string;
}

function classify(op: GraphOp, past: RosterState): Departure | undefined {
  const b = op.body;
  const seniority = past.members.get(op.authorHex)?.coordinatorSince ?? '~';
  const priority = `${seniority}/${op.orderKey}`;
  const target = op.subjectHex ?? '';
  if (b.type === 'remove') return { i: op.index, target, total: true, priority };
  if (b.type === 'leave') return { i: op.index, target: op.authorHex, total: true, priority };
  if (b.type === 'set-role' && b.role !== 'coordinator') {
    if (past.members.get(target)?.role === 'coordinator')
      return { i: op.index, target, total: false, priority };
  }
  return undefined;
}

/** A rekey that counts seen from its own causal past: `from` moved itself to fresh keys. */
interface Rekey {
  readonly i: number;
  readonly from: string;
}

/** The identities whose ops `op`'s author also speaks for: itself and the keys it was re-keyed from. */
type Lineage = (op: GraphOp) => readonly string[];

const voidReason = (d: Departure): Verdict => (d.total ? 'removed_author' : 'demoted_author');

const affects = (d: Departure, op: GraphOp, lineage: Lineage): boolean =>
  op.index !== d.i && lineage(op).includes(d.target) && (d.total || GOVERNANCE.has(op.body.type));

/**
 * Rekeys decided before the replay. The old key may be in two hands (that is why one re-keys), so
 * every op of the identity (or of its earlier keys) that a valid rekey of it did not see is void
 * ('rekeyed_author'); two valid rekeys of one identity are necessarily concurrent, and then both
 * are void ('rekey_conflict') and the identity is removed at the first of them in canonical order
 * (`conflictAt`): nobody inherits a key that two devices claim.
 */
function decideRekeys(
  g: OpGraph,
  set: readonly number[],
  pastOf: (i: number) => RosterState,
  lineage: Lineage,
  concurrent: (a: number, b: number) => boolean,
): { rekeys: readonly Rekey[]; voided: Map<number, Verdict>; conflictAt: Map<number, string> } {
  const rekeys: Rekey[] = [];
  for (const i of set) {
    const op = g.ops[i];
    if (op?.body.type !== 'rekey') continue;
    if (evaluateOp(op, pastOf(i), pastOf(i), NO_CONCURRENCY) === 'ok')
      rekeys.push({ i, from: op.authorHex });
  }
  const voided = new Map<number, Verdict>();
  const conflictAt = new Map<number, string>();
  if (rekeys.length === 0) return { rekeys, voided, conflictAt };
  const valid = new Set(rekeys.map((r) => r.i));
  for (const i of set) {
    const op = g.ops[i];
    if (!op) continue;
    const mine = lineage(op);
    if (rekeys.some((r) => r.i !== i && mine.includes(r.from) && concurrent(r.i, i)))
      voided.set(i, valid.has(i) ? 'rekey_conflict' : 'rekeyed_author');
  }
  const first = new Map<string, number>();
  for (const r of rekeys) {
    if (voided.get(r.i) !== 'rekey_conflict') continue;
    const at = first.get(r.from);
    if (at === undefined || r.i < at) first.set(r.from, r.i);
  }
  for (const [from, i] of first) conflictAt.set(i, from);
  return { rekeys, voided, conflictAt };
}

function runReplay(
  g: OpGraph,
  set: readonly number[],
  pastOf: (i: number) => RosterState,
  preset: ReadonlyMap<number, Verdict>,
  gone: readonly { readonly i: number; readonly target: string }[],
  conflictAt: ReadonlyMap<number, string>,
  concurrent: (a: number, b: number) => boolean,
): ReplayResult {
  const state = emptyState();
  const verdicts = new Map<number, Verdict>();
  const applied: number[] = [];
  const everCoordinator = new Set<string>();
  const everMember = new Set<string>();
  const ctx: EvaluateContext = {
    inviterGoneConcurrently: (inviter, op) =>
      gone.some((d) => d.target === inviter && concurrent(d.i, op.index)),
  };
  for (const i of set) {
    const op = g.ops[i];
    if (!op) continue;
    let v: Verdict;
    if (op.body.type === 'genesis') {
      applyGenesis(state, op);
      v = 'ok';
    } else {
      v = preset.get(i) ?? evaluateOp(op, pastOf(i), state, ctx);
      if (v === 'ok') applyOp(state, op, pastOf(i));
    }
    verdicts.set(i, v);
    const conflicted = conflictAt.get(i);
    if (conflicted !== undefined) depart(state, conflicted, 'rekey_conflict', op.opId);
    if (v !== 'ok') continue;
    applied.push(i);
    const t = op.body.type;
    if (t !== 'genesis' && t !== 'admit' && t !== 'set-role' && t !== 'rekey') continue;
    for (const [k, m] of state.members) {
      everMember.add(k);
      if (m.role === 'coordinator') everCoordinator.add(k);
    }
  }
  // A role the author lacked in its own causal past but held somewhere in this replay was
  // claimed from the future (granted concurrently or later): name it so.
  for (const [i, v] of verdicts) {
    const op = g.ops[i];
    if (!op || (v !== 'not_member' && v !== 'not_coordinator')) continue;
    const governance = GOVERNANCE.has(op.body.type);
    if (authorize(pastOf(i), op.authorHex, governance) === 'ok') continue;
    const held = governance ? everCoordinator : everMember;
    if (held.has(op.authorHex)) verdicts.set(i, 'future_role');
  }
  return { state, verdicts, applied };
}

/**
 * The roster of a down-closed set of ops (indexes in canonical order), given the roster of each
 * op's causal past. Rekeys are decided first (decideRekeys), then departures: a departure counts only if it would count
 * seen from its own causal past; among concurrent departures that would void each other the most
 * senior author wins (then the lower order key); every op of a departed (or, for governance ops,
 * demoted) identity, or of the keys it was re-keyed from, concurrent with its counted departure
 * is void (so a removal beats a concurrent rekey of its target). Then one replay in canonical
 * order checks every op against both its causal past and the replay state. A departure that
 * fails that replay is dropped and the decision redone, so the loop ends after at most one round
 * per departure.
 */
export function replaySet(
  g: OpGraph,
  set: readonly number[],
  pastOf: (i: number) => RosterState,
): ReplayResult {
  const concurrent = (a: number, b: number): boolean =>
    a !== b && !(g.anc[a]?.has(b) ?? false) && !(g.anc[b]?.has(a) ?? false);
  const anyRekey = set.some((i) => g.ops[i]?.body.type === 'rekey');
  const lineages = new Map<number, readonly string[]>();
  const lineage: Lineage = (op) => {
    if (!anyRekey) return [op.authorHex];
    const known = lineages.get(op.index);
    if (known) return known;
    const l = [op.authorHex, ...predecessorsOf(pastOf(op.index), op.authorHex)];
    lineages.set(op.index, l);
    return l;
  };
  const rekeys = decideRekeys(g, set, pastOf, lineage, concurrent);
  const candidates: Departure[] = [];
  for (const i of set) {
    const op = g.ops[i];
    if (!op) continue;
    const d = classify(op, pastOf(i));
    if (d && evaluateOp(op, pastOf(i), pastOf(i), NO_CONCURRENCY) === 'ok') candidates.push(d);
  }
  candidates.sort((a, b) => (a.priority < b.priority ? -1 : a.priority > b.priority ? 1 : 0));
  const dropped = new Map<number, Verdict>();
  for (;;) {
    const preset = new Map([...rekeys.voided, ...dropped]);
    const accepted: Departure[] = [];
    for (const d of candidates) {
      if (preset.has(d.i)) continue;
      const op = g.ops[d.i];
      const rival = accepted.find((a) => {
        const other = g.ops[a.i];
        return (
          op !== undefined &&
          other !== undefined &&
          concurrent(a.i, d.i) &&
          (affects(a, op, lineage) || affects(d, other, lineage))
        );
      });
      if (!rival) accepted.push(d);
      else
        preset.set(d.i, op && affects(rival, op, lineage) ? voidReason(rival) : 'removal_conflict');
    }
    for (const i of set) {
      const op = g.ops[i];
      if (!op || preset.has(i)) continue;
      // A removal concurrent with the target's rekey voids the rekey too: removal wins.
      const by = accepted.find((d) => affects(d, op, lineage) && concurrent(d.i, i));
      if (by) preset.set(i, voidReason(by));
    }
    // A live rekey kills its author's invites like a departure (their secrets were on the device).
    const live = rekeys.rekeys
      .filter((r) => !preset.has(r.i))
      .map((r) => ({ ...r, target: r.from }));
    const gone = [...accepted, ...live];
    const result = runReplay(g, set, pastOf, preset, gone, rekeys.conflictAt, concurrent);
    const failed = accepted.filter((d) => result.verdicts.get(d.i) !== 'ok');
    if (failed.length === 0) return result;
    for (const d of failed) dropped.set(d.i, result.verdicts.get(d.i) ?? 'malformed');
  }
}
