/**
 * An order value strictly between two neighbours (undefined = no neighbour on that side), or
 * undefined when none fits: equal neighbours (two peers dropped tasks into the same slot at
 * once) or a gap too small for a double. The caller then renumbers the column.
 */
export function orderBetween(
  before: number | undefined,
  after: number | undefined,
): number | undefined {
  if (before === undefined && after === undefined) return 0;
  if (before === undefined) return (after as number) - 1;
  if (after === undefined) return before + 1;
  const middle = before + (after - before) / 2;
  return middle > before && middle < after ? middle : undefined;
}
