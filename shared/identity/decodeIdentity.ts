import { bytesEqual } from '../crypto/bytes.ts';
import { sodium } from '../crypto/sodium.ts';
import { err, ok, type Result } from '../util/result.ts';
import type { Identity } from './createIdentity.ts';
import { IDENTITY_FIXED_BYTES, IDENTITY_FORMAT } from './encodeIdentity.ts';
import { PALETTE } from './palette.ts';
import { validatePseudonym } from './validatePseudonym.ts';

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Parses `encodeIdentity` output and checks it is internally consistent: the public keys must be
 * the ones the secret keys imply, the colour in the palette, the pseudonym valid and already in
 * canonical form. Requires `sodiumReady()`.
 */
export function decodeIdentity(bytes: Uint8Array): Result<Identity, 'identity_malformed'> {
  if (bytes.length < IDENTITY_FIXED_BYTES || bytes.length > IDENTITY_FIXED_BYTES + 255) {
    return err('identity_malformed');
  }
  if (bytes[0] !== IDENTITY_FORMAT) return err('identity_malformed');
  const signPk = bytes.slice(1, 33);
  const signSk = bytes.slice(33, 97);
  const boxPk = bytes.slice(97, 129);
  const boxSk = bytes.slice(129, 161);
  const colour = PALETTE[bytes[161] ?? 255];
  const nameLen = bytes[162] ?? 0;
  if (colour === undefined || bytes.length !== IDENTITY_FIXED_BYTES + nameLen) {
    return err('identity_malformed');
  }
  let raw: string;
  try {
    raw = decoder.decode(bytes.subarray(IDENTITY_FIXED_BYTES));
  } catch {
    return err('identity_malformed');
  }
  const name = validatePseudonym(raw);
  if (!name.ok || name.value !== raw) return err('identity_malformed');
  const s = sodium();
  let derivedSign: Uint8Array;
  let derivedBox: Uint8Array;
  try {
    derivedSign = s.crypto_sign_ed25519_sk_to_pk(signSk);
    derivedBox = s.crypto_scalarmult_base(boxSk);
  } catch {
    return err('identity_malformed');
  }
  if (!bytesEqual(derivedSign, signPk) || !bytesEqual(derivedBox, boxPk)) {
    return err('identity_malformed');
  }
  return ok({ pseudonym: raw, colour, signPk, signSk, boxPk, boxSk });
}
