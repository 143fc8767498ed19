import type * as Y from 'yjs';

/** A Yjs delete set: Yjs does not export the type by name. */
export type DeleteSet = Y.Snapshot['ds'];

/** Sorted, merged [from, to) clock ranges per clientID. */
export type IdRanges = ReadonlyMap<number, readonly (readonly [number, number])[]>;

/** The ranges of a delete set (or of any set of struct ids kept as one), sorted and merged. */
export function rangesOf(ds: DeleteSet): IdRanges {
  const out = new Map<number, [number, number][]>();
  for (const [client, items] of ds.clients) {
    const sorted = items
      .filter((i) => i.len > 0)
      .map((i): [number, number] => [i.clock, i.clock + i.len])
      .sort((a, b) => a[0] - b[0]);
    const merged: [number, number][] = [];
    for (const range of sorted) {
      const last = merged[merged.length - 1];
      if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
      else merged.push(range);
    }
    out.set(client, merged);
  }
  return out;
}

/**
 * How many clocks of [from, to) of `client` none of `sets` covers. The lists are sorted, so one
 * binary search finds where each starts; the cost is the ranges that overlap, not all of them.
 */
export function uncovered(
  client: number,
  from: number,
  to: number,
  sets: readonly IdRanges[],
): number {
  if (to <= from) return 0;
  const pieces: [number, number][] = [];
  for (const set of sets) {
    const list = set.get(client);
    if (!list) continue;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((list[mid]?.[1] ?? 0) <= from) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < list.length; i++) {
      const range = list[i];
      if (!range || range[0] >= to) break;
      pieces.push([Math.max(range[0], from), Math.min(range[1], to)]);
    }
  }
  pieces.sort((a, b) => a[0] - b[0]);
  let covered = 0;
  let end = from;
  for (const [start, stop] of pieces) {
    const s = Math.max(start, end);
    if (stop > s) {
      covered += stop - s;
      end = stop;
    }
  }
  return to - from - covered;
}
