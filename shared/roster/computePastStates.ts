import { applyGenesis, applyOp } from './applyOp.ts';
import type { OpGraph } from './buildOpGraph.ts';
import { evaluateOp, NO_CONCURRENCY } from './evaluateOp.ts';
import type { RosterCache } from './RosterCache.ts';
import { replaySet } from './replaySet.ts';
import { cloneState, emptyState, type RosterState } from './RosterState.ts';

/**
 * The roster of each op's strict causal past, in canonical order (every ancestor comes first).
 * An op with one head sees exactly that head's past plus the head, which is concurrent with
 * nothing there, so it is one application; a merge replays its whole causal past.
 * Results are cached by opId: an opId fixes the causal past.
 */
export function computePastStates(g: OpGraph, cache: RosterCache): RosterState[] {
  const pasts: RosterState[] = [];
  const pastOf = (i: number): RosterState => pasts[i] ?? emptyState();
  const afterOf = (j: number): RosterState => {
    const op = g.ops[j];
    if (!op) return emptyState();
    const hit = cache.after.get(op.opId);
    if (hit) return hit;
    const before = pastOf(j);
    const s = cloneState(before);
    if (op.body.type === 'genesis') applyGenesis(s, op);
    else if (evaluateOp(op, before, before, NO_CONCURRENCY) === 'ok') applyOp(s, op, before);
    cache.after.set(op.opId, s);
    return s;
  };
  for (const [i, op] of g.ops.entries()) {
    let past = cache.past.get(op.opId);
    if (!past) {
      const [only] = op.headIndexes;
      if (op.headIndexes.length === 0) past = emptyState();
      else if (op.headIndexes.length === 1 && only !== undefined) past = afterOf(only);
      else {
        const subset: number[] = [];
        for (let j = 0; j < i; j++) if (g.anc[i]?.has(j)) subset.push(j);
        past = replaySet(g, subset, pastOf).state;
      }
      cache.past.set(op.opId, past);
    }
    pasts.push(past);
  }
  return pasts;
}
