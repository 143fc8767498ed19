import * as Y from 'yjs';
import type { OwnOverBudget } from './DocReplica.ts';
import type { SyncLimits } from './SyncLimits.ts';

/**
 * Whether the others would refuse an edit this device is about to make (PROTOCOL §7.3 receipt
 * budgets), measured exactly: the edit runs on a scratch copy of `doc`, and its update and the
 * resulting state are compared with the limits. For edits made in one go (`quire draft write`),
 * so that an edit the others refuse is never made; typing is checked as it is sent (checkOwn).
 */
export function ownEditOverBudget(
  doc: Y.Doc,
  edit: (scratch: Y.Doc) => void,
  limits: Pick<SyncLimits, 'maxUpdateBytes' | 'maxDocBytes'>,
): OwnOverBudget | undefined {
  const scratch = new Y.Doc({ gc: true });
  try {
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(doc));
    let updateBytes = 0;
    scratch.on('update', (update: Uint8Array) => {
      updateBytes += update.length;
    });
    edit(scratch);
    if (updateBytes > limits.maxUpdateBytes) return 'update';
    return Y.encodeStateAsUpdate(scratch).length > limits.maxDocBytes ? 'document' : undefined;
  } finally {
    scratch.destroy();
  }
}
