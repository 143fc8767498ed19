import { BEACON_GENERATION, type WireScope } from './WireScope.ts';

/**
 * A beacon notice naming a generation this far beyond the current one is refused: that many
 * rollovers (3,000 entries each) cannot have happened while a member was away.
 */
export const MAX_GENERATIONS_AHEAD = 1 << 20;

/**
 * May a rollover notice found in `scope` name `next`? In a generation's own wire doc only the
 * generation after it; in the beacon a newer generation, which Generations.moveTo follows only
 * in small steps through other notices. Never the beacon's own reserved number.
 */
export function acceptsRollover(scope: WireScope, next: number, current: WireScope): boolean {
  if (next >= BEACON_GENERATION) return false;
  if (!scope.isBeacon) return next === scope.generation + 1;
  return scope.epoch !== current.epoch || next <= current.generation + MAX_GENERATIONS_AHEAD;
}
