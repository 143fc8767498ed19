import type { RosterOp } from './RosterOp.ts';

/**
 * The frontier of the ops that `counts` keeps among `applied` (in canonical order, heads first):
 * those of them that no kept op has in its causal past. Walks back from the newest; an op below
 * one that is kept, or below an op that is below one, is not on the frontier.
 */
export function frontierOf(
  applied: readonly string[],
  opOf: (opId: string) => RosterOp | undefined,
  counts: (op: RosterOp) => boolean,
): string[] {
  const below = new Set<string>();
  const out: string[] = [];
  for (let i = applied.length - 1; i >= 0; i--) {
    const id = applied[i] ?? '';
    const op = opOf(id);
    if (!op) continue;
    const kept = counts(op);
    if (kept && !below.has(id)) out.push(id);
    if (kept || below.has(id)) for (const h of op.heads) below.add(h);
  }
  return out;
}
