import { bytesEqual } from '../crypto/bytes.ts';
import { LABELS } from '../crypto/labels.ts';
import { SIGNATURE_BYTES, SIGN_PUBLIC_BYTES } from '../crypto/signDetached.ts';
import { verifyDetached } from '../crypto/verifyDetached.ts';
import { unpadPlaintext } from '../envelope/unpadPlaintext.ts';
import { err, ok, type Result } from '../util/result.ts';
import { decodeWelcomeBody } from './decodeWelcomeBody.ts';
import { INVITE_ID_BYTES } from './joinerSignatureMessage.ts';
import { openSealedBox } from './openSealedBox.ts';
import type { Welcome } from './Welcome.ts';
import {
  BOX_SEAL_OVERHEAD,
  MAX_WELCOME_SEALED_BYTES,
  MIN_WELCOME_PADDED_BYTES,
  WELCOME_VERSION,
} from './welcomeFormat.ts';
import { welcomeSignatureInput } from './welcomeSignatureInput.ts';

export type WelcomeRejection =
  | 'too_large'
  | 'decrypt_failed'
  | 'unsupported_version'
  | 'malformed'
  | 'bad_signature'
  | 'wrong_recipient';

export interface OpenedWelcome {
  readonly welcome: Welcome;
  /**
   * Who signed it. NOT yet trusted: the caller must check that this key is a coordinator in the
   * roster replayed from welcome.rosterOps, and that welcome.admitOpId admits this joiner.
   */
  readonly coordinatorSignPk: Uint8Array;
}

export interface WelcomeRecipient {
  readonly signPk: Uint8Array;
  readonly boxPk: Uint8Array;
  readonly boxSk: Uint8Array;
}

/**
 * Joiner side: size cap -> open the sealed box -> unpad -> version -> coordinator signature over
 * (inviteId, signer, body) -> strict body decode -> the body must name this joiner's own keys.
 */
export function openWelcome(
  sealed: Uint8Array,
  recipient: WelcomeRecipient,
  inviteId: Uint8Array,
): Result<OpenedWelcome, WelcomeRejection> {
  if (sealed.length > MAX_WELCOME_SEALED_BYTES) return err('too_large');
  if (sealed.length < BOX_SEAL_OVERHEAD + MIN_WELCOME_PADDED_BYTES)
    return err('malformed', 'too short');
  if (inviteId.length !== INVITE_ID_BYTES) return err('decrypt_failed', 'bad inviteId');
  const padded = openSealedBox(sealed, recipient.boxPk, recipient.boxSk);
  if (!padded) return err('decrypt_failed');
  const unpadded = unpadPlaintext(padded);
  if (!unpadded.ok) return err('malformed', 'bad padding');
  const signed = unpadded.value;
  if (signed.length < 1 + SIGN_PUBLIC_BYTES + SIGNATURE_BYTES) return err('malformed', 'too short');
  if (signed[0] !== WELCOME_VERSION) return err('unsupported_version');
  const coordinatorSignPk = signed.slice(1, 1 + SIGN_PUBLIC_BYTES);
  const body = signed.subarray(1 + SIGN_PUBLIC_BYTES, signed.length - SIGNATURE_BYTES);
  const signature = signed.subarray(signed.length - SIGNATURE_BYTES);
  const input = welcomeSignatureInput(inviteId, coordinatorSignPk, body);
  if (!verifyDetached(coordinatorSignPk, LABELS.welcome, input, signature))
    return err('bad_signature');
  const decoded = decodeWelcomeBody(body);
  if (!decoded.ok) return decoded;
  const w = decoded.value;
  if (!bytesEqual(w.joinerSignPk, recipient.signPk) || !bytesEqual(w.joinerBoxPk, recipient.boxPk))
    return err('wrong_recipient');
  return ok({ welcome: w, coordinatorSignPk });
}
