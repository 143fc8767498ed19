import { LABELS } from '../crypto/labels.ts';
import { verifyDetached } from '../crypto/verifyDetached.ts';
import { joinerSignatureMessage } from '../invite/joinerSignatureMessage.ts';
import type { AdmitBody } from './RosterOp.ts';

/**
 * Did the admitted key itself ask to join through this invite, with these keys and this
 * pseudonym? The message is the invite flow's (joinerSignatureMessage); the cell is bound by the
 * coordinator's signature on the admit op, since a joiner does not know the cell id yet.
 */
export function verifyJoinProof(body: AdmitBody): boolean {
  const message = joinerSignatureMessage(
    body.inviteId,
    body.memberSignPk,
    body.memberBoxPk,
    body.pseudonym,
  );
  return verifyDetached(body.memberSignPk, LABELS.joinProof, message, body.joinProof);
}
