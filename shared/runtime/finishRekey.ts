import { computeRoster } from '../roster/computeRoster.ts';
import { decodeRosterOp } from '../roster/decodeRosterOp.ts';
import { openEpochWrap } from '../roster/openEpochWrap.ts';
import { SealedSyncStore } from '../sync/SealedSyncStore.ts';
import type { SealedStore } from '../vault/SealedStore.ts';
import type { CellRecord } from './Keyring.ts';
import { pendingRekeyOp } from './pendingRekeyOp.ts';

/**
 * Completes a rekey this device started (rekeySelf) once the roster in the record counts it: the
 * record moves to the new identity, the old one is kept as `retired` WITHOUT its signing key, and
 * the sync engine's seq counters start again at 1 (peers count seqs per author: the new key's
 * first envelope must be seq 1, or it would wait forever for seqs that never come). Run it on a
 * closed cell: by rekeySelf, and on the way to every open (openFinishingRekey). Returns the new
 * record to save, or undefined when there is nothing to finish.
 */
export async function finishRekey(
  record: CellRecord,
  sealed: SealedStore,
): Promise<CellRecord | undefined> {
  const next = record.pendingIdentity;
  if (!next || !pendingRekeyOp(record)) return undefined;
  const roster = computeRoster(record.rosterOps, { cellId: record.cellId });
  const old = record.identity;
  const store = new SealedSyncStore(sealed, record.cellIdHex);
  const local = await store.loadLocal();
  if (local) await store.saveLocal({ ...local, seqs: {} });
  // A rotate concurrent with the rekey sealed its key to the old box key: open it while we can.
  const epochKeys = new Map(record.epochKeys);
  for (const epoch of roster.epochs) {
    if (epoch.epoch === 0 || epochKeys.has(epoch.epoch)) continue;
    for (const bytes of record.rosterOps) {
      const d = decodeRosterOp(bytes);
      if (!d.ok || d.value.opId !== epoch.rotateOpId || d.value.body.type !== 'rotate') continue;
      const opened = openEpochWrap(d.value.body, record.cellId, old);
      if (opened.ok && opened.value.kind === 'member')
        epochKeys.set(epoch.epoch, opened.value.secret);
    }
  }
  const { pendingIdentity: _done, ...rest } = record;
  return {
    ...rest,
    identity: next,
    retired: [
      ...(record.retired ?? []),
      { signPk: old.signPk, boxPk: old.boxPk, boxSk: old.boxSk },
    ],
    epochKeys,
  };
}
