import type * as Y from 'yjs';
import { cellIndexMaps } from '../cell/cellIndexMaps.ts';
import { isDraftId } from '../cell/ids.ts';
import { err, ok, type Result } from '../util/result.ts';
import { IMAGE_LIMITS } from './imageLimits.ts';

export interface ImageUsage {
  readonly count: number;
  readonly bytes: number;
  /** Index entries that are not an image id with a byte count in range (not counted). */
  readonly dropped: number;
}

/** The cell's images as its index lists them (cellIndexMaps 'images'). */
export function imageUsage(indexDoc: Y.Doc): ImageUsage {
  let count = 0;
  let bytes = 0;
  let dropped = 0;
  for (const [id, value] of cellIndexMaps(indexDoc).images) {
    const ok =
      isDraftId(id) &&
      typeof value === 'number' &&
      Number.isInteger(value) &&
      value >= 1 &&
      value <= IMAGE_LIMITS.storedMaxBytes;
    if (!ok) dropped++;
    else {
      count++;
      bytes += value;
    }
  }
  return { count, bytes, dropped };
}

/**
 * Whether one more image of `bytes` fits the cell's budget (IMAGE_LIMITS.cellMaxImages and
 * cellMaxBytes). Enforced by the inserting member's app: the engine's own budgets (per update,
 * per document) are what every receiver enforces.
 */
export function checkImageBudget(
  indexDoc: Y.Doc,
  bytes: number,
): Result<ImageUsage, 'cell_images_count' | 'cell_images_bytes'> {
  const usage = imageUsage(indexDoc);
  if (usage.count + 1 > IMAGE_LIMITS.cellMaxImages) return err('cell_images_count');
  if (usage.bytes + bytes > IMAGE_LIMITS.cellMaxBytes) return err('cell_images_bytes');
  return ok(usage);
}
