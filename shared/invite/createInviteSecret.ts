import { randomBytes } from '../crypto/randomBytes.ts';
import { INVITE_SECRET_BYTES } from './inviteCodeFormat.ts';

/** A fresh invite secret s (32 bytes from the platform CSPRNG); one per invite, never reused. */
export function createInviteSecret(): Uint8Array {
  return randomBytes(INVITE_SECRET_BYTES);
}
