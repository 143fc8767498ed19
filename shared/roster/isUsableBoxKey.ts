import { sodium } from '../crypto/sodium.ts';
import { BOX_PUBLIC_BYTES } from './RosterOp.ts';

const PROBE_SCALAR = new Uint8Array(32).fill(0x5a);

/**
 * Can anything be sealed to this X25519 key? A low-order point makes crypto_box_seal fail, so a
 * member holding one could never receive a rotate and would block every rotation after it.
 */
export function isUsableBoxKey(boxPk: Uint8Array): boolean {
  if (boxPk.length !== BOX_PUBLIC_BYTES) return false;
  try {
    return sodium()
      .crypto_scalarmult(PROBE_SCALAR, boxPk)
      .some((b) => b !== 0);
  } catch {
    return false;
  }
}
