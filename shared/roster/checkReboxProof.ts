import { bytesEqual } from '../crypto/bytes.ts';
import { LABELS } from '../crypto/labels.ts';
import { sodium } from '../crypto/sodium.ts';
import { verifyDetached } from '../crypto/verifyDetached.ts';
import { isUsableBoxKey } from './isUsableBoxKey.ts';
import { reboxProofMessage } from './reboxProofMessage.ts';
import type { ReboxBody } from './RosterOp.ts';

/**
 * The checks of a rebox that depend on its bytes alone (done once per op and cached). An X25519
 * key cannot sign, so the box key must be the X25519 form of the Ed25519 `proofPk`, and `proofPk`
 * must have signed this member's move to it in this cell: only whoever holds the box secret can
 * make the proof (the two secrets come from one Ed25519 key), so nobody can claim a box key that is
 * someone else's (a relay's: then K_e would be sealed to the relay). And something can be sealed
 * to it (not a low-order point), or no rotation could reach the member again.
 */
export function checkReboxProof(
  cellId: Uint8Array,
  author: Uint8Array,
  body: ReboxBody,
): 'bad_rebox_proof' | 'bad_box_key' | undefined {
  let converted: Uint8Array;
  try {
    converted = sodium().crypto_sign_ed25519_pk_to_curve25519(body.proofPk);
  } catch {
    // Not a point, or one of small order: libsodium refuses to convert it.
    return 'bad_rebox_proof';
  }
  if (!bytesEqual(converted, body.newBoxPk)) return 'bad_rebox_proof';
  const message = reboxProofMessage(cellId, author, body.newBoxPk);
  if (!verifyDetached(body.proofPk, LABELS.reboxProof, message, body.proof))
    return 'bad_rebox_proof';
  if (!isUsableBoxKey(body.newBoxPk)) return 'bad_box_key';
  return undefined;
}
