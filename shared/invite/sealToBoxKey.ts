import { sodium } from '../crypto/sodium.ts';
import { BOX_PUBLIC_BYTES } from './joinerSignatureMessage.ts';

/**
 * crypto_box_seal: anonymous public-key encryption to an X25519 key (ephemeral key || ciphertext,
 * 48 bytes of overhead). Undefined for an unusable public key (wrong size, low order).
 * Belongs in shared/crypto/ once that module takes it (this is the invite flow's only use so far).
 */
export function sealToBoxKey(message: Uint8Array, boxPk: Uint8Array): Uint8Array | undefined {
  if (boxPk.length !== BOX_PUBLIC_BYTES) return undefined;
  try {
    return sodium().crypto_box_seal(message, boxPk);
  } catch {
    return undefined;
  }
}
