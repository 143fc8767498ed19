import type { ClientAuthors } from './ClientAuthors.ts';
import { CELL_LIMITS } from './cellLimits.ts';
import type { DraftEntry } from './DraftEntry.ts';
import { isDraftStatus } from './DraftStatus.ts';
import { entryMap, fields } from './fields.ts';
import { isDraftId, isSignPkHex } from './ids.ts';
import { writerOf } from './writerOf.ts';

/**
 * One entry of the index's 'drafts' map, validated; undefined if a peer wrote it malformed. With
 * `authors`, `updatedBy` is the verified writer of the last recorded edit ('updatedAt', or
 * 'createdAt' before any; '' if unknown) and the stored 'updatedBy' field is ignored; without, it
 * is the stored field (display only, anyone could write it).
 */
export function readDraftEntry(
  id: string,
  value: unknown,
  authors?: ClientAuthors,
): DraftEntry | undefined {
  const map = entryMap(value);
  if (!map || !isDraftId(id)) return undefined;
  const title = fields.string(map, 'title', CELL_LIMITS.titleMaxChars);
  // Malformed drops the whole entry: falling back to the working title would print it.
  const headline = fields.optional(map, 'headline', '', () =>
    fields.string(map, 'headline', CELL_LIMITS.titleMaxChars),
  );
  const status = map.get('status');
  const createdAt = fields.count(map, 'createdAt');
  const updatedAt = fields.optional(map, 'updatedAt', createdAt, () =>
    fields.count(map, 'updatedAt'),
  );
  const updatedBy = fields.optional(map, 'updatedBy', '', () => {
    const by = map.get('updatedBy');
    return by === '' || isSignPkHex(by) ? by : undefined;
  });
  const words = fields.optional(map, 'words', 0, () => fields.count(map, 'words'));
  if (
    title === undefined ||
    headline === undefined ||
    !isDraftStatus(status) ||
    createdAt === undefined ||
    updatedAt === undefined ||
    updatedBy === undefined ||
    words === undefined ||
    !Number.isInteger(words)
  ) {
    return undefined;
  }
  const editor = authors
    ? (writerOf(map, map.has('updatedAt') ? 'updatedAt' : 'createdAt', authors) ?? '')
    : updatedBy;
  return { id, title, headline, status, createdAt, updatedAt, updatedBy: editor, words };
}
