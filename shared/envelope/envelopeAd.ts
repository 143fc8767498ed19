import { concatBytes, labelBytes, u32be } from '../crypto/bytes.ts';
import { LABELS } from '../crypto/labels.ts';
import { ENVELOPE_VERSION } from './envelopeFormat.ts';

/**
 * AEAD associated data: len || "quire/env/v1" || version u8 || cellId (16) || epoch u32be. Binds
 * the cleartext version byte and the envelope's cell and epoch, so a ciphertext moved to another
 * cell or epoch (or relabelled with another version) fails to decrypt.
 */
export function envelopeAd(cellId: Uint8Array, epoch: number): Uint8Array {
  return concatBytes(
    labelBytes(LABELS.envelopeAd),
    new Uint8Array([ENVELOPE_VERSION]),
    cellId,
    u32be(epoch),
  );
}
