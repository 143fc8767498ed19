import { toHex } from '../crypto/bytes.ts';
import { LABELS } from '../crypto/labels.ts';
import { signDetached } from '../crypto/signDetached.ts';
import { createIdentity } from '../identity/createIdentity.ts';
import { createRosterOp } from '../roster/createRosterOp.ts';
import { rekeyProofMessage } from '../roster/rekeyProofMessage.ts';
import type { RekeyBody } from '../roster/RosterOp.ts';
import { err, ok, type Result } from '../util/result.ts';
import type { SealedStore } from '../vault/SealedStore.ts';
import { rotateEpoch } from './cellGovernance.ts';
import type { CellRuntime } from './CellRuntime.ts';
import { finishRekey } from './finishRekey.ts';
import type { CellRecord } from './Keyring.ts';

export interface RekeySelfOptions {
  /** The vault's sealed store (the sync engine's seq counters restart there for the new key). */
  readonly sealed: SealedStore;
  /** Persists a record through the keyring's owner. */
  readonly saveRecord: (record: CellRecord) => Promise<void>;
  /** Opens the cell again with this record: the sync engine signs as the record's identity. */
  readonly reopen: (record: CellRecord) => Promise<CellRuntime>;
}

export interface Rekeyed {
  /** The cell, open again under the new identity. */
  readonly runtime: CellRuntime;
  /** A coordinator rotates right away; undefined for other roles (a coordinator's app does it). */
  readonly rotatedTo: number | undefined;
}

export type RekeyError = 'not_a_member' | 'relay' | 'invalid_identity' | 'refused' | 'not_finished';

/**
 * "My device was out of my hands": fresh keys for this member in this cell. Whoever imaged the
 * device keeps everything that was on it, the old keys included; from the rotation after this
 * on, nothing new reaches them, and what they sign with the old key is refused by every peer.
 *
 * 1. New identity (same pseudonym and colour); the `rekey` op, signed by the old key, with the
 *    new key's proof (PROTOCOL §9.1).
 * 2. The new keys and the op are saved in the record BEFORE the op leaves the device: if we stop
 *    half-way, the next open publishes the op again and completes the switch (openFinishingRekey).
 * 3. The op is applied locally (it must count) and published under the old key, the only key the
 *    others know yet. The cell is closed, the record switched (old signing key dropped), and the
 *    cell re-opened under the new identity. A coordinator then rotates at once; for anyone else
 *    the roster's `rotationNeeded` makes an online coordinator rotate.
 *
 * On an error before the op counted, the cell stays open and unchanged.
 */
export async function rekeySelf(
  cell: CellRuntime,
  opts: RekeySelfOptions,
): Promise<Result<Rekeyed, RekeyError>> {
  const me = cell.me;
  const record = cell.cellRecord;
  const role = cell.currentRoster().members.get(toHex(me.signPk))?.role;
  if (cell.state !== 'active' || role === undefined) return err('not_a_member');
  if (role === 'relay' || record.kind !== 'member') return err('relay');
  const next = createIdentity(me.pseudonym, me.colour);
  if (!next.ok) return err('invalid_identity', next.error);
  const n = next.value;
  const body: RekeyBody = {
    type: 'rekey',
    newSignPk: n.signPk,
    newBoxPk: n.boxPk,
    proof: signDetached(
      n.signSk,
      LABELS.rekeyProof,
      rekeyProofMessage(record.cellId, me.signPk, n.signPk, n.boxPk),
    ),
  };
  const op = createRosterOp(record.cellId, me, cell.roster.heads(toHex(me.signPk)), body);
  if (!op.ok) return err('refused', op.error);
  await cell.update({ pendingIdentity: n, rosterOps: [...cell.roster.allOps(), op.value.bytes] });
  cell.roster.add(op.value.bytes);
  const roster = cell.currentRoster();
  if (!roster.applied.includes(op.value.opId)) {
    await cell.update({ pendingIdentity: undefined, rosterOps: cell.roster.allOps() });
    return err('refused', roster.rejected.find((r) => r.opId === op.value.opId)?.reason);
  }
  cell.sync.publishRosterOp(op.value.bytes);
  await cell.close();
  const finished = await finishRekey(cell.cellRecord, opts.sealed);
  if (!finished) return err('not_finished');
  await opts.saveRecord(finished);
  const runtime = await opts.reopen(finished);
  if (runtime.currentRoster().members.get(toHex(n.signPk))?.role !== 'coordinator')
    return ok({ runtime, rotatedTo: undefined });
  const rotated = await rotateEpoch(runtime);
  return ok({ runtime, rotatedTo: rotated.ok ? rotated.value : undefined });
}
