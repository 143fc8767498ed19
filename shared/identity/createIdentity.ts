import { sodium } from '../crypto/sodium.ts';
import { err, ok, type Result } from '../util/result.ts';
import { isColour, randomColour, type Colour } from './palette.ts';
import { validatePseudonym, type PseudonymError } from './validatePseudonym.ts';

/**
 * A pseudonymous identity: what one member is inside ONE cell. Two independent keypairs (no key
 * conversion between them): Ed25519 signs envelopes and roster ops, X25519 receives sealed keys.
 * Secret halves live only inside the sealed keyring (shared/vault).
 */
export interface Identity {
  readonly pseudonym: string;
  readonly colour: Colour;
  readonly signPk: Uint8Array;
  /** Ed25519 secret key in libsodium's 64-byte form (seed || signPk). */
  readonly signSk: Uint8Array;
  readonly boxPk: Uint8Array;
  readonly boxSk: Uint8Array;
}

export type CreateIdentityError = PseudonymError | 'colour_invalid';

/**
 * Draws fresh keys for one cell. Nothing here reuses keys across cells: a caller that wants a
 * second cell calls this again, so cells cannot be linked by key. Requires `sodiumReady()`.
 */
export function createIdentity(
  pseudonym: string,
  colour?: Colour,
): Result<Identity, CreateIdentityError> {
  const name = validatePseudonym(pseudonym);
  if (!name.ok) return name;
  if (colour !== undefined && !isColour(colour)) return err('colour_invalid');
  const s = sodium();
  const sign = s.crypto_sign_keypair();
  const box = s.crypto_box_keypair();
  return ok({
    pseudonym: name.value,
    colour: colour ?? randomColour(),
    signPk: sign.publicKey,
    signSk: sign.privateKey,
    boxPk: box.publicKey,
    boxSk: box.privateKey,
  });
}
