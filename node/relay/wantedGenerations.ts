import { BEACON_GENERATION } from '../../shared/sync/WireScope.ts';
import type { RelayLine } from './RelayScope.ts';

/**
 * The generations of a line the relay keeps joined: the beacon, the current one, those still
 * draining, and a few ahead. It cannot read rollover notices, but each rollover posts at least one
 * in the beacon: more beacon entries than our generation number means the cell may be more than
 * one step ahead, so probe further (at most maxProbes). Superseded epochs are probed too: the relay
 * cannot tell a real newer epoch from entries an insider put in a made-up one.
 */
export function wantedGenerations(
  line: RelayLine,
  beaconEntries: number,
  maxProbes: number,
): Set<number> {
  const wanted = new Set<number>([BEACON_GENERATION, line.current, ...line.active.keys()]);
  const ahead = Math.min(maxProbes, Math.max(1, beaconEntries - line.current));
  for (let i = 1; i <= ahead && line.current + i < BEACON_GENERATION; i++)
    wanted.add(line.current + i);
  return wanted;
}
