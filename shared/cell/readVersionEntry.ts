import { CELL_LIMITS } from './cellLimits.ts';
import { entryMap, fields } from './fields.ts';
import { isEntryId, isSignPkHex } from './ids.ts';
import type { VersionEntry } from './VersionEntry.ts';

/** One entry of a draft's 'versions' map, validated, with its state bytes; undefined if malformed. */
export function readVersionEntry(
  id: string,
  value: unknown,
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
  return { id, name, at, by, bytes: state.length, state };
}
