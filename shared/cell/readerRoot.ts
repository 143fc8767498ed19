import type * as Y from 'yjs';

const PREFIX = 'reader:';
const SIGN_PK_HEX = /^[0-9a-f]{64}$/;

/**
 * The root map of a comments document (commentsDocId) where one reader's threads and replies live:
 * `reader:` + her signing key (hex). A reader's update may write only there and into her own
 * structs (shared/sync/checkReaderUpdate), so no reader can touch another's comments.
 */
export const readerRootName = (signPkHex: string): string => `${PREFIX}${signPkHex}`;

/** The reader (signPk hex) a root name belongs to; undefined for any other name. */
export function readerOfRoot(name: string): string | undefined {
  if (!name.startsWith(PREFIX)) return undefined;
  const hex = name.slice(PREFIX.length);
  return SIGN_PK_HEX.test(hex) ? hex : undefined;
}

/**
 * The readers' roots a comments document holds, by reader, in name order (every replica lists
 * them alike, whatever order their updates arrived in). A root someone made another type than a
 * map (only its reader can write there) is left out: it holds no comments.
 */
export function readerRoots(
  doc: Y.Doc,
): { readonly reader: string; readonly map: Y.Map<unknown> }[] {
  const out: { reader: string; map: Y.Map<unknown> }[] = [];
  for (const name of [...doc.share.keys()].sort()) {
    const reader = readerOfRoot(name);
    if (reader === undefined) continue;
    try {
      out.push({ reader, map: doc.getMap<unknown>(name) });
    } catch {
      // Defined locally as another type: not a comments map.
    }
  }
  return out;
}
