import { concatBytes, labelBytes } from './bytes.ts';
import type { Label } from './labels.ts';
import { sodium } from './sodium.ts';

export const SIGN_PUBLIC_BYTES = 32;
export const SIGN_SECRET_BYTES = 64;
export const SIGNATURE_BYTES = 64;

/** Ed25519 signature over len(label) || label || message: a signature made for one context never verifies in another. */
export function signDetached(secretKey: Uint8Array, label: Label, message: Uint8Array): Uint8Array {
  if (secretKey.length !== SIGN_SECRET_BYTES)
    throw new RangeError('Ed25519 secret key must be 64 bytes');
  return sodium().crypto_sign_detached(concatBytes(labelBytes(label), message), secretKey);
}
