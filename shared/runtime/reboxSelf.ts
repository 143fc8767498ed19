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
 * Is it time for this member to rebox? When something may have been sealed to our current box
 * key: the op that set it (our newest counted rebox, the rekey that made this identity, our admit,
 * the genesis) is in the causal past of the rotate that opened the roster's epoch, so that rotate's
 * wrap to us was sealed to it; or it is our admit (the welcome went through the rendezvous server
 * sealed to it). So every member's box key changes once after each rotation, and a joiner's right
 * after joining; after the history horizon forgets the epochs before, the old key is destroyed
 * (boxKeysToKeep.ts). Never for a relay, never while a rebox of ours does not count yet (the roster
 * has another box key for us than the record), never in epoch 0 for the creator (K_0 is sealed to
 * nobody).
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
  if (!opened) return false;
  let setBy: { id: string; type: string } | undefined;
  for (const id of roster.applied) {
    const bytes = ops.get(id);
    const op = bytes && decodeRosterOp(bytes);
    if (!op?.ok) continue;
    const { body, authorHex, subjectHex } = op.value;
    const mine =
      (authorHex === meHex && (body.type === 'rebox' || body.type === 'genesis')) ||
      (subjectHex === meHex && (body.type === 'rekey' || body.type === 'admit'));
    if (mine) setBy = { id, type: body.type };
  }
  if (!setBy) return false;
  if (setBy.type === 'admit') return true;
  if (setBy.type === 'genesis' && opened.epoch === 0) return false;
  return causalPast(opened.rotateOpId, ops).has(setBy.id);
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
