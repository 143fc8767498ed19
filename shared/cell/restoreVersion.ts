import type * as Y from 'yjs';
import { err, ok, type Result } from '../util/result.ts';
import { copyBody } from './copyBody.ts';
import { draftBody } from './draftBody.ts';
import { openVersion } from './openVersion.ts';
import { saveVersion, type SaveVersionError } from './saveVersion.ts';

/**
 * Restores a version as a new edit: first the current body is saved as a version named
 * `backupName` (so nothing is lost), then the body is replaced by the version's copy in one
 * transaction. Returns the id of the backup version.
 */
export function restoreVersion(
  draftDoc: Y.Doc,
  versionId: string,
  by: string,
  backupName: string,
  now: number = Date.now(),
): Result<string, 'not_found' | SaveVersionError> {
  const opened = openVersion(draftDoc, versionId);
  if (!opened.ok) return opened;
  const version = opened.value;
  try {
    let nodes: ReturnType<typeof copyBody>;
    try {
      nodes = copyBody(version);
    } catch {
      return err('malformed');
    }
    const backup = saveVersion(draftDoc, backupName, by, now);
    if (!backup.ok) return backup;
    const body = draftBody(draftDoc);
    draftDoc.transact(() => {
      body.delete(0, body.length);
      body.insert(0, nodes);
    });
    return ok(backup.value);
  } finally {
    version.destroy();
  }
}
