import type { ClientAuthors } from './ClientAuthors.ts';
import { CELL_LIMITS } from './cellLimits.ts';
import { entryMap, fields } from './fields.ts';
import { isEntryId, isSignPkHex } from './ids.ts';
import type { VersionEntry } from './VersionEntry.ts';
import { writerOf } from './writerOf.ts';

/**
 * One entry of a draft's 'versions' map, validated, with its state bytes; undefined if malformed.
 * With `authors`, `by` is the verified writer of the saved copy ('' if unknown) and the stored
 * 'by' field is ignored; without, it is the stored field (display only, anyone could write it).
 */
export function readVersionEntry(
  id: string,
  value: unknown,
  authors?: ClientAuthors,
): (VersionEntry & { readonly state: Uint8Array }) | undefined {
  const map = entryMap(value);
  if (!map || !isEntryId(id)) return undefined;
  const name = fields.string(map, 'name', CELL_LIMITS.versionNameMaxChars);
  const at = fields.count(map, 'at');
  const by = map.get('by');
  const state = fields.bytes(map, 'state', CELL_LIMITS.versionStateMaxBytes);
  if (name === undefined || name === '' || at === undefined || !isSignPkHex(by) || !state) {
    return undefined;
  }
  const savedBy = authors ? (writerOf(map, 'state', authors) ?? '') : by;
  return { id, name, at, by: savedBy, bytes: state.length, state };
}
