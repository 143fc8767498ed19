import { hash } from '../crypto/hash.ts';
import { LABELS } from '../crypto/labels.ts';
import { SIGN_PUBLIC_BYTES } from '../crypto/signDetached.ts';

export const BOX_PUBLIC_BYTES = 32;
export const FINGERPRINT_BYTES = 32;

/** BLAKE2b(label 'quire/fp/v1' || signPk || boxPk): commits to both public keys of an identity. */
export function fingerprint(signPk: Uint8Array, boxPk: Uint8Array): Uint8Array {
  if (signPk.length !== SIGN_PUBLIC_BYTES || boxPk.length !== BOX_PUBLIC_BYTES) {
    throw new RangeError('fingerprint needs a 32-byte signing key and a 32-byte box key');
  }
  return hash(LABELS.fingerprint, [signPk, boxPk], FINGERPRINT_BYTES);
}
