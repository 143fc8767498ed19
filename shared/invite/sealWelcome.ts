import { bytesEqual, concatBytes } from '../crypto/bytes.ts';
import { LABELS } from '../crypto/labels.ts';
import { SIGN_PUBLIC_BYTES, SIGN_SECRET_BYTES, signDetached } from '../crypto/signDetached.ts';
import { padmeLength } from '../envelope/padmeLength.ts';
import { padPlaintext } from '../envelope/padPlaintext.ts';
import { err, ok, type Result } from '../util/result.ts';
import { encodeWelcomeBody } from './encodeWelcomeBody.ts';
import { INVITE_ID_BYTES } from './joinerSignatureMessage.ts';
import { sealToBoxKey } from './sealToBoxKey.ts';
import type { Welcome } from './Welcome.ts';
import {
  BOX_SEAL_OVERHEAD,
  MAX_WELCOME_SEALED_BYTES,
  MIN_WELCOME_PADDED_BYTES,
  WELCOME_VERSION,
} from './welcomeFormat.ts';
import { welcomeSignatureInput } from './welcomeSignatureInput.ts';

export interface WelcomeSigner {
  /** The admitting coordinator's cell identity. */
  readonly signPk: Uint8Array;
  readonly signSk: Uint8Array;
}

/**
 * Coordinator side, after posting the admit op: sign, then pad, then seal to the joiner's box key
 * (welcome.joinerBoxPk). Only the joiner can open it, and inside it learns which coordinator
 * signed it. Padding to Padmé sizes hides most of the roster's size from the invite room.
 */
export function sealWelcome(
  welcome: Welcome,
  signer: WelcomeSigner,
  inviteId: Uint8Array,
): Result<Uint8Array, 'invalid_welcome' | 'invalid_argument' | 'too_large'> {
  if (inviteId.length !== INVITE_ID_BYTES) return err('invalid_argument', 'inviteId');
  if (signer.signPk.length !== SIGN_PUBLIC_BYTES || signer.signSk.length !== SIGN_SECRET_BYTES)
    return err('invalid_argument', 'bad signing key length');
  if (!bytesEqual(signer.signSk.subarray(SIGN_SECRET_BYTES - SIGN_PUBLIC_BYTES), signer.signPk))
    return err('invalid_argument', 'signPk does not belong to signSk');
  const body = encodeWelcomeBody(welcome);
  if (!body.ok) return body;
  const signature = signDetached(
    signer.signSk,
    LABELS.welcome,
    welcomeSignatureInput(inviteId, signer.signPk, body.value),
  );
  const signed = concatBytes(
    new Uint8Array([WELCOME_VERSION]),
    signer.signPk,
    body.value,
    signature,
  );
  const paddedLength = Math.max(MIN_WELCOME_PADDED_BYTES, padmeLength(signed.length + 1));
  if (paddedLength + BOX_SEAL_OVERHEAD > MAX_WELCOME_SEALED_BYTES) return err('too_large');
  const sealed = sealToBoxKey(padPlaintext(signed, paddedLength), welcome.joinerBoxPk);
  return sealed ? ok(sealed) : err('invalid_argument', 'unusable joiner box key');
}
