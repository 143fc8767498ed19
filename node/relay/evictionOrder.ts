import type { RelayLine, RelayScope } from './RelayScope.ts';

/**
 * Which stored generations go first when a cell is over its storage cap: superseded epochs,
 * then older epochs, then older generations. Never a beacon (tiny, and what lets late members
 * find the current generation) and never `current`, where members write now.
 */
export function evictionOrder(
  scopes: Iterable<RelayScope>,
  superseded: (line: RelayLine) => boolean,
  current: RelayScope | undefined,
): RelayScope[] {
  const age = (s: RelayScope): number[] => [superseded(s.line) ? 0 : 1, s.line.epoch, s.generation];
  return Array.from(scopes)
    .filter((s) => s.kept.size > 0 && !s.isBeacon && s !== current)
    .sort((a, b) => {
      const x = age(a);
      const y = age(b);
      for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return (x[i] ?? 0) - (y[i] ?? 0);
      return 0;
    });
}
