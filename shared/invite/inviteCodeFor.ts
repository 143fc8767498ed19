import { CELL_ID_BYTES } from '../crypto/deriveEpochSecrets.ts';
import { SIGN_PUBLIC_BYTES } from '../crypto/signDetached.ts';
import { err, type Result } from '../util/result.ts';
import { encodeInviteCode } from './encodeInviteCode.ts';
import { INVITE_SECRET_BYTES } from './inviteCodeFormat.ts';
import { inviteCommitment } from './inviteCommitment.ts';

/**
 * The code a coordinator gives out for its invite secret: committed to its cell and its own
 * signing key (the device that made the invite hosts it and signs the welcome), and showing the
 * joiner the roster's expiresAt (rounded up to a minute; the roster stays the authority).
 */
export function inviteCodeFor(invite: {
  readonly secret: Uint8Array;
  readonly cellId: Uint8Array;
  readonly inviterSignPk: Uint8Array;
  readonly rendezvousUrls: readonly string[];
  /** The invite's expiresAt in the roster (ms). */
  readonly expiresAt: number;
}): Result<string, 'invalid_argument'> {
  if (
    invite.secret.length !== INVITE_SECRET_BYTES ||
    invite.cellId.length !== CELL_ID_BYTES ||
    invite.inviterSignPk.length !== SIGN_PUBLIC_BYTES
  )
    return err('invalid_argument', 'secret, cell id or signing key of the wrong size');
  return encodeInviteCode({
    secret: invite.secret,
    commitment: inviteCommitment(invite.secret, invite.cellId, invite.inviterSignPk),
    expiresAt: invite.expiresAt,
    rendezvousUrls: invite.rendezvousUrls,
  });
}
