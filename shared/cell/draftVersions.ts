import type * as Y from 'yjs';

/**
 * The named versions of a draft: versionId (32 hex) -> Y.Map { name, at, by, state }, where
 * `state` is Y.encodeStateAsUpdate of a fresh Y.Doc whose 'body' is a copy of the draft's body
 * at that moment. A version is a full copy, so it survives the garbage collection of the live
 * doc (no gc:false, no snapshots that pin deleted content), can be viewed on its own, and is
 * restored as an ordinary new edit. It never enters the live doc as an update: its structs carry
 * a throwaway clientID that the sync engine's clientID binding would rightly reject.
 */
export const draftVersions = (draftDoc: Y.Doc): Y.Map<unknown> =>
  draftDoc.getMap<unknown>('versions');
