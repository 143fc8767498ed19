import { concatBytes, labelBytes } from './bytes.ts';
import type { Label } from './labels.ts';
import { SIGNATURE_BYTES, SIGN_PUBLIC_BYTES } from './signDetached.ts';
import { sodium } from './sodium.ts';

/** Verifies a `signDetached` signature for the same label; false on any malformed input. */
export function verifyDetached(
  publicKey: Uint8Array,
  label: Label,
  message: Uint8Array,
  signature: Uint8Array,
): boolean {
  if (publicKey.length !== SIGN_PUBLIC_BYTES || signature.length !== SIGNATURE_BYTES) return false;
  try {
    return sodium().crypto_sign_verify_detached(
      signature,
      concatBytes(labelBytes(label), message),
      publicKey,
    );
  } catch {
    return false;
  }
}
