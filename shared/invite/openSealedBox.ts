import { sodium } from '../crypto/sodium.ts';
import { BOX_PUBLIC_BYTES } from './joinerSignatureMessage.ts';

const BOX_SECRET_BYTES = 32;

/** crypto_box_seal_open; undefined on any failure (other recipient, tampering, truncation). */
export function openSealedBox(
  sealed: Uint8Array,
  boxPk: Uint8Array,
  boxSk: Uint8Array,
): Uint8Array | undefined {
  if (boxPk.length !== BOX_PUBLIC_BYTES || boxSk.length !== BOX_SECRET_BYTES) return undefined;
  try {
    return sodium().crypto_box_seal_open(sealed, boxPk, boxSk);
  } catch {
    return undefined;
  }
}
