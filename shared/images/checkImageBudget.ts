import type * as Y from 'yjs';
import { cellIndexMaps } from '../cell/cellIndexMaps.ts';
import type { EntryWriter } from '../cell/EntryWriter.ts';
import { isDraftId } from '../cell/ids.ts';
import { writerOf } from '../cell/writerOf.ts';
import { err, ok, type Result } from '../util/result.ts';
import { IMAGE_LIMITS } from './imageLimits.ts';

export interface ImageUsage {
  readonly count: number;
  readonly bytes: number;
  /** The member's index entries that are not an image id with a byte count in range. */
  readonly dropped: number;
}

/** Whose images are counted: entries whose value `member` wrote, by the engine's verified claims. */
export type ImageWriter = EntryWriter;

/**
 * One member's images as the cell index lists them (cellIndexMaps 'images'): only entries whose
 * current value that member wrote. Entries are plain map values anyone in the cell can set, so
 * a cell-wide count would let one member fill the whole budget and stop everyone else.
 */
export function imageUsage(indexDoc: Y.Doc, writer: ImageWriter): ImageUsage {
  let count = 0;
  let bytes = 0;
  let dropped = 0;
  const images = cellIndexMaps(indexDoc).images;
  for (const [id, value] of images) {
    if (writerOf(images, id, writer.authors) !== writer.member) continue;
    const valid =
      isDraftId(id) &&
      typeof value === 'number' &&
      Number.isInteger(value) &&
      value >= 1 &&
      value <= IMAGE_LIMITS.storedMaxBytes;
    if (!valid) dropped++;
    else {
      count++;
      bytes += value;
    }
  }
  return { count, bytes, dropped };
}

/**
 * Whether one more image of `bytes` fits the inserting member's budget
 * (IMAGE_LIMITS.memberMaxImages and memberMaxBytes). Enforced by that member's app; what every
 * receiver enforces are the engine's per-author budgets (per update, per document, SyncLimits).
 */
export function checkImageBudget(
  indexDoc: Y.Doc,
  bytes: number,
  writer: ImageWriter,
): Result<ImageUsage, 'member_images_count' | 'member_images_bytes'> {
  const usage = imageUsage(indexDoc, writer);
  if (usage.count + 1 > IMAGE_LIMITS.memberMaxImages) return err('member_images_count');
  if (usage.bytes + bytes > IMAGE_LIMITS.memberMaxBytes) return err('member_images_bytes');
  return ok(usage);
}
