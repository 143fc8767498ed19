import { CELL_ID_BYTES } from '../crypto/deriveEpochSecrets.ts';
import { deriveKey } from '../crypto/deriveKey.ts';
import { LABELS } from '../crypto/labels.ts';
import { SIGN_PUBLIC_BYTES } from '../crypto/signDetached.ts';
import { INVITE_COMMITMENT_BYTES, INVITE_SECRET_BYTES } from './inviteCodeFormat.ts';

/**
 * What an invite code commits to: the cell and the coordinator who made the invite (and who alone
 * hosts it, so signs its welcome and authors its admit op),
 *   KDF_16(s, "quire/invite-commit/v1", cellId || inviterSignPk).
 * Keyed by s, so two codes of one cell look unrelated and the code names no cell by itself; a
 * welcome for any other cell or from any other signer is refused by the joiner (verifyWelcome)
 * unless someone finds a 128-bit second preimage.
 */
export function inviteCommitment(
  secret: Uint8Array,
  cellId: Uint8Array,
  inviterSignPk: Uint8Array,
): Uint8Array {
  if (
    secret.length !== INVITE_SECRET_BYTES ||
    cellId.length !== CELL_ID_BYTES ||
    inviterSignPk.length !== SIGN_PUBLIC_BYTES
  )
    throw new RangeError('invite commitment: secret 32, cell id 16, signing key 32 bytes');
  return deriveKey(secret, LABELS.inviteCommit, [cellId, inviterSignPk], INVITE_COMMITMENT_BYTES);
}
