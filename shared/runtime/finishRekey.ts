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
  const rekeyOp = pendingRekeyOp(record);
  const rekey = rekeyOp && decodeRosterOp(rekeyOp);
  if (!next || !rekey?.ok) return undefined;
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
      // Or to a box key the old identity had replaced by a rebox that this rotate had not seen.
      for (const box of [old, ...(record.formerBoxKeys ?? [])]) {
        const opened = openEpochWrap(d.value.body, record.cellId, { ...box, signPk: old.signPk });
        if (opened.ok && opened.value.kind === 'member')
          epochKeys.set(epoch.epoch, opened.value.secret);
      }
    }
  }
  const { pendingIdentity: _done, formerBoxKeys: former = [], ...rest } = record;
  // Every box key of the old identity is retired with the rekey: the horizon destroys each once
  // it passed every epoch that could be sealed to the old identity (boxKeysToKeep.ts).
  const replacedBy = rekey.value.opId;
  return {
    ...rest,
    identity: next,
    retired: [
      ...(record.retired ?? []),
      ...former.map((f) => ({ signPk: old.signPk, boxPk: f.boxPk, boxSk: f.boxSk, replacedBy })),
      { signPk: old.signPk, boxPk: old.boxPk, boxSk: old.boxSk, replacedBy },
    ].slice(-64),
    epochKeys,
  };
}
