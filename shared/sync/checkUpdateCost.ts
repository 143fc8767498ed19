import * as Y from 'yjs';
import { err, ok, type Result } from '../util/result.ts';

/**
 * The most integration work one update or snapshot may cost, in sibling steps (see
 * checkUpdateCost). Honest bytes cost about one step per struct: a 1 s batch of the densest real
 * typing trace (automerge-paper) stays under 1,000, the whole 260,000-keystroke paper as one
 * snapshot under 30,000, a pasted article of 2,000 formatted paragraphs (725 KB) 38,000. 40,000
 * same-key map items without origins (a 430 KB update that took over 4 s to apply) cost 1.6e9.
 */
export const MAX_UPDATE_COST = 1_000_000;

/** What one decode of an update tells the checks before it reaches a document. */
export interface UpdateScan {
  /** Integration work: the sum over insertion points of (structs inserted there)². */
  readonly cost: number;
  /** Whether the update creates a shared type (checkDocDepth needs to measure it). */
  readonly createsType: boolean;
}

/**
 * Yjs places a struct by scanning every concurrent sibling at its insertion point (the structs
 * that share its left origin, or its parent and key when it has none), so n structs at one point
 * cost about n² steps: 40,000 items of one map key with no origin, perfectly valid under the
 * author's own clientID, cost over 4 s and every later open paid again. Each struct of `update`
 * is counted at its insertion point, and the sum of squares must stay within `budget`; an honest
 * edit puts one struct at each point (its left origin is the struct typed before it), so it
 * costs about its struct count. One decode, no document touched.
 */
export function scanUpdate(
  update: Uint8Array,
  budget = MAX_UPDATE_COST,
): Result<UpdateScan, 'malformed_update' | 'too_costly'> {
  let structs: (Y.Item | Y.GC | Y.Skip)[];
  try {
    structs = Y.decodeUpdate(update).structs;
  } catch {
    return err('malformed_update', 'undecodable Yjs update');
  }
  const atPoint = new Map<string, number>();
  let cost = 0;
  let createsType = false;
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) {
      cost += 1;
      continue;
    }
    if (struct.content instanceof Y.ContentType) createsType = true;
    const point = insertionPoint(struct);
    const n = (atPoint.get(point) ?? 0) + 1;
    atPoint.set(point, n);
    // (n² − (n−1)²): the sum of squares, kept as it grows so a bomb stops the walk early.
    cost += 2 * n - 1;
    if (cost > budget) return err('too_costly', `over ${budget} sibling steps`);
  }
  return ok({ cost, createsType });
}

/**
 * Where Yjs starts scanning for a struct's place: its left origin, else (at the start of its
 * parent) its right origin, else its parent and key.
 */
function insertionPoint(item: Y.Item): string {
  const o = item.origin;
  if (o) return `${o.client}:${o.clock}`;
  const r = item.rightOrigin;
  if (r) return `>${r.client}:${r.clock}`;
  const parent: unknown = item.parent;
  const p =
    parent instanceof Y.ID
      ? `${parent.client}:${parent.clock}`
      : typeof parent === 'string'
        ? `/${parent}`
        : '?';
  return `${p}|${item.parentSub ?? ''}`;
}
