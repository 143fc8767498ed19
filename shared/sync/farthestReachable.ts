import { MAX_GENERATION_STEP } from './WireScope.ts';

/**
 * The farthest generation reachable from `from` in steps of at most `step`, each step landing on
 * a generation that a rollover notice named (`from` itself when none is within reach).
 */
export function farthestReachable(
  from: number,
  named: Iterable<number>,
  step: number = MAX_GENERATION_STEP,
): number {
  let at = from;
  for (const g of Array.from(named).sort((a, b) => a - b)) {
    if (g <= at) continue;
    if (g > at + step) break;
    at = g;
  }
  return at;
}
