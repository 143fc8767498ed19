import { concatBytes, labelBytes, u32be } from '../crypto/bytes.ts';
import { LABELS } from '../crypto/labels.ts';
import { PRESENCE_VERSION } from './presenceFormat.ts';

/** AEAD associated data: len || "quire/presence-ad/v1" || version u8 || cellId (16) || epoch u32be. */
export function presenceAd(cellId: Uint8Array, epoch: number): Uint8Array {
  return concatBytes(
    labelBytes(LABELS.presenceAd),
    new Uint8Array([PRESENCE_VERSION]),
    cellId,
    u32be(epoch),
  );
}
