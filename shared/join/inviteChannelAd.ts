import { concatBytes, labelBytes, utf8 } from '../crypto/bytes.ts';
import { LABELS } from '../crypto/labels.ts';

/**
 * AEAD associated data of every invite-channel message: len ‖ label ‖ the topic it is published
 * on, so a message cannot be replayed as anything else or on another invite's topic.
 */
export function inviteChannelAd(topic: string): Uint8Array {
  return concatBytes(labelBytes(LABELS.inviteChannelAd), utf8(topic));
}
