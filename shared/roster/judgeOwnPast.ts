import { buildOpGraph } from './buildOpGraph.ts';
import { computePastStates } from './computePastStates.ts';
import { evaluateOp, NO_CONCURRENCY, type Verdict } from './evaluateOp.ts';
import type { RosterCache } from './RosterCache.ts';
import type { RosterRejectReason } from './Roster.ts';

export interface OwnPastJudgement {
  readonly opId: string;
  /** 'ok', or why the op cannot count; 'missing_heads' when its causal past is not all held. */
  readonly verdict: Verdict | RosterRejectReason;
}

/**
 * Whether each candidate would count seen from its own causal past alone: evaluateOp with the
 * roster of its past as both states, the test every op must pass first in computeRoster (§9.3).
 * past(X) is fixed by X's opId, so a verdict other than 'ok' (and other than 'missing_heads') is
 * final: no op that arrives later can make X count, and X changes no roster (ops that fail their
 * own past are never applied and are never a departure candidate). Such ops may be dropped for
 * good. `ops` holds every op the caller has plus the candidates; placed candidates come first, in
 * canonical order (every op after its heads), then the unplaced ones.
 */
export function judgeOwnPast(
  cellId: Uint8Array,
  ops: Iterable<Uint8Array>,
  candidates: ReadonlySet<string>,
  cache: RosterCache,
): OwnPastJudgement[] {
  const g = buildOpGraph(cellId, ops, cache);
  const pasts = computePastStates(g, cache);
  const out: OwnPastJudgement[] = [];
  for (const op of g.ops) {
    if (!candidates.has(op.opId)) continue;
    const past = pasts[op.index];
    // The genesis is the one op without a past; verification already tied it to the cell id.
    const verdict =
      op.body.type === 'genesis'
        ? 'ok'
        : past
          ? evaluateOp(op, past, past, NO_CONCURRENCY)
          : 'malformed';
    out.push({ opId: op.opId, verdict });
  }
  for (const r of g.rejected)
    if (candidates.has(r.opId)) out.push({ opId: r.opId, verdict: r.reason });
  return out;
}
