import * as Y from 'yjs';
import { err, ok, type Result } from '../util/result.ts';
import { draftVersions } from './draftVersions.ts';
import { readVersionEntry } from './readVersionEntry.ts';

/**
 * A fresh, local Y.Doc holding a saved version's body (read it with draftPlainText or bind a
 * read-only editor to its 'body'). The state came from a peer: decoding failures, structs that
 * wait for missing dependencies, and anything else odd are 'malformed', never a throw.
 */
export function openVersion(
  draftDoc: Y.Doc,
  versionId: string,
): Result<Y.Doc, 'not_found' | 'malformed'> {
  const entry = readVersionEntry(versionId, draftVersions(draftDoc).get(versionId));
  if (!entry) return err('not_found');
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, entry.state);
  } catch {
    doc.destroy();
    return err('malformed');
  }
  if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) {
    doc.destroy();
    return err('malformed');
  }
  return ok(doc);
}
