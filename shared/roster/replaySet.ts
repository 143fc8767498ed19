import { applyGenesis, applyOp } from './applyOp.ts';
import type { GraphOp, OpGraph } from './buildOpGraph.ts';
import {
  authorize,
  evaluateOp,
  GOVERNANCE,
  NO_CONCURRENCY,
  type EvaluateContext,
  type Verdict,
} from './evaluateOp.ts';
import { emptyState, type RosterState } from './RosterState.ts';

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

const voidReason = (d: Departure): Verdict => (d.total ? 'removed_author' : 'demoted_author');

const affects = (d: Departure, op: GraphOp): boolean =>
  op.index !== d.i && op.authorHex === d.target && (d.total || GOVERNANCE.has(op.body.type));

function runReplay(
  g: OpGraph,
  set: readonly number[],
  pastOf: (i: number) => RosterState,
  preset: ReadonlyMap<number, Verdict>,
  accepted: readonly Departure[],
  concurrent: (a: number, b: number) => boolean,
): ReplayResult {
  const state = emptyState();
  const verdicts = new Map<number, Verdict>();
  const applied: number[] = [];
  const everCoordinator = new Set<string>();
  const everMember = new Set<string>();
  const ctx: EvaluateContext = {
    inviterGoneConcurrently: (inviter, op) =>
      accepted.some((d) => d.target === inviter && concurrent(d.i, op.index)),
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
    if (v !== 'ok') continue;
    applied.push(i);
    if (op.body.type !== 'genesis' && op.body.type !== 'admit' && op.body.type !== 'set-role')
      continue;
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
 * op's causal past. Departures are decided first: a departure counts only if it would count
 * seen from its own causal past; among concurrent departures that would void each other the most
 * senior author wins (then the lower order key); every op of a departed (or, for governance ops,
 * demoted) identity concurrent with its counted departure is void. Then one replay in canonical
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
    const preset = new Map(dropped);
    const accepted: Departure[] = [];
    for (const d of candidates) {
      if (dropped.has(d.i)) continue;
      const op = g.ops[d.i];
      const rival = accepted.find((a) => {
        const other = g.ops[a.i];
        return (
          op !== undefined &&
          other !== undefined &&
          concurrent(a.i, d.i) &&
          (affects(a, op) || affects(d, other))
        );
      });
      if (!rival) accepted.push(d);
      else preset.set(d.i, op && affects(rival, op) ? voidReason(rival) : 'removal_conflict');
    }
    for (const i of set) {
      const op = g.ops[i];
      if (!op || preset.has(i)) continue;
      const by = accepted.find((d) => affects(d, op) && concurrent(d.i, i));
      if (by) preset.set(i, voidReason(by));
    }
    const result = runReplay(g, set, pastOf, preset, accepted, concurrent);
    const failed = accepted.filter((d) => result.verdicts.get(d.i) !== 'ok');
    if (failed.length === 0) return result;
    for (const d of failed) dropped.set(d.i, result.verdicts.get(d.i) ?? 'malformed');
  }
}
