import { decodeRosterOp } from './decodeRosterOp.ts';

/**
 * The causal past of a roster op, itself included: every op reachable through heads among the
 * ops held. Whoever counts an op holds all of them (an op waits until its heads are held).
 */
export function causalPast(opId: string, ops: ReadonlyMap<string, Uint8Array>): Set<string> {
  const past = new Set<string>();
  const todo = [opId];
  for (let id = todo.pop(); id !== undefined; id = todo.pop()) {
    if (past.has(id)) continue;
    past.add(id);
    const bytes = ops.get(id);
    const decoded = bytes && decodeRosterOp(bytes);
    if (decoded?.ok) todo.push(...decoded.value.heads);
  }
  return past;
}
