import type { JoinRequest } from '../invite/JoinRequest.ts';
import type { AdmitBody, Role } from '../roster/RosterOp.ts';

/**
 * The `admit` op body for an approved join request: the joiner's keys and pseudonym as it signed
 * them, its signature as the join proof, the invite's role, and the coordinator's clock.
 */
export function admitBodyFor(
  request: JoinRequest,
  inviteId: Uint8Array,
  role: Role,
  historyAccess: boolean,
  admittedAt: number,
): AdmitBody {
  return {
    type: 'admit',
    inviteId,
    memberSignPk: request.signPk,
    memberBoxPk: request.boxPk,
    pseudonym: request.pseudonym,
    role,
    historyAccess,
    admittedAt,
    joinProof: request.joinerSignature,
  };
}
