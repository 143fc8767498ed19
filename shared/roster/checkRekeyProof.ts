import { LABELS } from '../crypto/labels.ts';
import { verifyDetached } from '../crypto/verifyDetached.ts';
import { isUsableBoxKey } from './isUsableBoxKey.ts';
import { rekeyProofMessage } from './rekeyProofMessage.ts';
import type { RekeyBody } from './RosterOp.ts';

/**
 * The checks of a rekey that depend on its bytes alone (done once per op and cached): the new
 * signing key signed the move of exactly this identity in exactly this cell, and something can be
 * sealed to the new box key (else no rotation could ever reach the member again).
 */
export function checkRekeyProof(
  cellId: Uint8Array,
  author: Uint8Array,
  body: RekeyBody,
): 'bad_rekey_proof' | 'bad_box_key' | undefined {
  const message = rekeyProofMessage(cellId, author, body.newSignPk, body.newBoxPk);
  if (!verifyDetached(body.newSignPk, LABELS.rekeyProof, message, body.proof))
    return 'bad_rekey_proof';
  if (!isUsableBoxKey(body.newBoxPk)) return 'bad_box_key';
  return undefined;
}
