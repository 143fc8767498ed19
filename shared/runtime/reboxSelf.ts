import { toHex } from '../crypto/bytes.ts';
import { LABELS } from '../crypto/labels.ts';
import { signDetached } from '../crypto/signDetached.ts';
import { sodium } from '../crypto/sodium.ts';
import { causalPast } from '../roster/causalPast.ts';
import { createRosterOp, type CreatedRosterOp } from '../roster/createRosterOp.ts';
import { decodeRosterOp } from '../roster/decodeRosterOp.ts';
import { reboxProofMessage } from '../roster/reboxProofMessage.ts';
import type { Roster } from '../roster/Roster.ts';
import type { ReboxBody } from '../roster/RosterOp.ts';
import { bytesEqual } from '../crypto/bytes.ts';
import { err, ok, type Result } from '../util/result.ts';
import type { CellRecord } from './Keyring.ts';

/**
 * A fresh box key pair and the `rebox` body that publishes it. The pair is the X25519 form of a
 * throwaway Ed25519 key, whose signature is the proof that we hold the box secret
 * (checkReboxProof.ts); the Ed25519 secret is wiped at once, only the box secret is kept.
 */
export function reboxBody(
  cellId: Uint8Array,
  author: Uint8Array,
): { body: ReboxBody; boxPk: Uint8Array; boxSk: Uint8Array } {
  const s = sodium();
  const proofKey = s.crypto_sign_keypair();
  const boxPk = s.crypto_sign_ed25519_pk_to_curve25519(proofKey.publicKey);
  const boxSk = s.crypto_sign_ed25519_sk_to_curve25519(proofKey.privateKey);
  const proof = signDetached(
    proofKey.privateKey,
    LABELS.reboxProof,
    reboxProofMessage(cellId, author, boxPk),
  );
  s.memzero(proofKey.privateKey);
  return {
    body: { type: 'rebox', newBoxPk: boxPk, proofPk: proofKey.publicKey, proof },
    boxPk,
    boxSk,
  };
}

/**
 * Is it time for this member to rebox? Once per epoch: when none of our counted reboxes is outside
 * the causal past of the rotate that opened the roster's epoch (the genesis for epoch 0). So every
 * member's box key changes right after each rotation (for a joiner, right after joining: its
 * welcome went through the rendezvous server sealed to the key it joined with), and after the
 * history horizon forgets the epochs before, the old key is destroyed (boxKeysToKeep.ts). Never
 * for a relay; never while a rebox of ours does not count yet (the roster has another box key
 * for us than the record); never for the creator in epoch 0 (nothing was sealed to it).
 */
export function reboxDue(
  record: CellRecord,
  roster: Roster,
  ops: ReadonlyMap<string, Uint8Array>,
): boolean {
  const meHex = toHex(record.identity.signPk);
  const me = roster.members.get(meHex);
  if (record.kind !== 'member' || !me || me.role === 'relay') return false;
  if (!bytesEqual(me.boxPk, record.identity.boxPk)) return false;
  const opened = roster.epochs[roster.epochs.length - 1];
  if (
    !opened ||
    (opened.epoch === 0 && roster.genesisId !== undefined && opened.recipients[0] === meHex)
  )
    return false;
  const past = causalPast(opened.rotateOpId, ops);
  for (const id of roster.applied) {
    if (past.has(id)) continue;
    const bytes = ops.get(id);
    const op = bytes && decodeRosterOp(bytes);
    if (op?.ok && op.value.body.type === 'rebox' && op.value.authorHex === meHex) return false;
  }
  return true;
}

/**
 * The signed rebox op and the record to save BEFORE it leaves the device (a crash must never lose
 * the secret of a box key the others will seal to): the identity on the new key, the old pair
 * kept as a former box key replaced by this op, and the op among the roster ops.
 */
export function makeRebox(
  record: CellRecord,
  heads: readonly string[],
  rosterOps: readonly Uint8Array[],
): Result<{ op: CreatedRosterOp; record: CellRecord }, string> {
  const me = record.identity;
  const fresh = reboxBody(record.cellId, me.signPk);
  const op = createRosterOp(record.cellId, me, heads, fresh.body);
  if (!op.ok) return err(op.error);
  return ok({
    op: op.value,
    record: {
      ...record,
      identity: { ...me, boxPk: fresh.boxPk, boxSk: fresh.boxSk },
      formerBoxKeys: [
        ...(record.formerBoxKeys ?? []),
        { boxPk: me.boxPk, boxSk: me.boxSk, replacedBy: op.value.opId },
      ],
      rosterOps: [...rosterOps, op.value.bytes],
    },
  });
}
