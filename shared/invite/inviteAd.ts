import { concatBytes, labelBytes } from '../crypto/bytes.ts';
import type { LABELS } from '../crypto/labels.ts';
import { INVITE_ID_BYTES } from './joinerSignatureMessage.ts';

/**
 * AEAD associated data of the messages sealed under an invite key: len || label || inviteId.
 * The label keeps a join request from opening as a notice and vice versa.
 */
export function inviteAd(
  label: typeof LABELS.joinRequestAd | typeof LABELS.inviteNoticeAd,
  inviteId: Uint8Array,
): Uint8Array {
  if (inviteId.length !== INVITE_ID_BYTES) throw new RangeError('inviteId must be 32 bytes');
  return concatBytes(labelBytes(label), inviteId);
}
