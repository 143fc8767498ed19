import { fromHex } from '../../shared/crypto/bytes.ts';
import { LABELS } from '../../shared/crypto/labels.ts';
import { randomBytes } from '../../shared/crypto/randomBytes.ts';
import { signDetached } from '../../shared/crypto/signDetached.ts';
import type { Identity } from '../../shared/identity/createIdentity.ts';
import { deriveInviteSecrets } from '../../shared/invite/deriveInviteSecrets.ts';
import { joinerSignatureMessage } from '../../shared/invite/joinerSignatureMessage.ts';
import type { JoinRequest } from '../../shared/invite/JoinRequest.ts';
import { admitBodyFor } from '../../shared/join/admitBodyFor.ts';
import type { Role } from '../../shared/roster/RosterOp.ts';
import {
  admitJoiner,
  createInvite,
  recordFromWelcome,
} from '../../shared/runtime/cellGovernance.ts';
import type { CellRuntime } from '../../shared/runtime/CellRuntime.ts';
import type { CellRecord } from '../../shared/runtime/Keyring.ts';
import { inviteClock } from './inviteClock.ts';

/** The join request a joiner's app would send for `inviteId`, signed with its own key. */
export function joinRequestFor(who: Identity, inviteId: Uint8Array): JoinRequest {
  return {
    version: 1,
    signPk: who.signPk,
    boxPk: who.boxPk,
    requestId: randomBytes(16),
    createdAt: 0,
    pseudonym: who.pseudonym,
    joinerSignature: signDetached(
      who.signSk,
      LABELS.joinProof,
      joinerSignatureMessage(inviteId, who.signPk, who.boxPk, who.pseudonym),
    ),
  };
}

/**
 * Invites `who` through coordinator `by` and admits them at once, as an approval after the
 * words were compared does (without the invite room): the record the joiner keeps.
 */
export async function admitRecord(
  by: CellRuntime,
  who: Identity,
  role: Role,
  now: number,
  historyAccess = true,
  note = '',
): Promise<CellRecord> {
  const inv = await createInvite(by, role, 3_600_000, note, inviteClock(now));
  if (!inv.ok) throw new Error(inv.error);
  const { inviteId } = deriveInviteSecrets(fromHex(inv.value.invite.secret)!);
  const request = joinRequestFor(who, inviteId);
  const welcome = admitJoiner(by, admitBodyFor(request, inviteId, role, historyAccess, now));
  if (!welcome.ok) throw new Error(welcome.error);
  const rec = recordFromWelcome(welcome.value, who);
  if (!rec.ok) throw new Error(rec.error);
  return rec.value;
}
