import { toHex } from '../crypto/bytes.ts';
import { deriveKey } from '../crypto/deriveKey.ts';
import { hash } from '../crypto/hash.ts';
import { LABELS } from '../crypto/labels.ts';
import { INVITE_SECRET_BYTES } from './inviteCodeFormat.ts';

/** Everything derived from an invite secret s. */
export interface InviteSecrets {
  /** H(s): what the roster's invite op records; reveals nothing about s. */
  readonly inviteId: Uint8Array;
  /** Rendezvous topic of the invite room (32 hex characters). */
  readonly roomName: string;
  /** y-webrtc `password` of the invite room (64 hex characters; protects signaling only). */
  readonly roomPassword: string;
  /** AEAD key of join requests and invite notices. */
  readonly inviteKey: Uint8Array;
}

/**
 * s -> inviteId = BLAKE2b(label || s), and with s as the BLAKE2b key: room name, room password,
 * invite key under distinct labels, so none of them reveals s or another.
 */
export function deriveInviteSecrets(secret: Uint8Array): InviteSecrets {
  if (secret.length !== INVITE_SECRET_BYTES) throw new RangeError('invite secret must be 32 bytes');
  return {
    inviteId: hash(LABELS.inviteId, [secret], 32),
    roomName: toHex(deriveKey(secret, LABELS.inviteRoom, [], 16)),
    roomPassword: toHex(deriveKey(secret, LABELS.inviteTransport)),
    inviteKey: deriveKey(secret, LABELS.inviteKey),
  };
}
