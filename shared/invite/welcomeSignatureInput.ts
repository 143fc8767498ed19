import { concatBytes } from '../crypto/bytes.ts';
import { WELCOME_VERSION } from './welcomeFormat.ts';

/**
 * What the admitting coordinator signs (label LABELS.welcome): version || inviteId ||
 * coordinatorSignPk || body. The inviteId ties the welcome to this invite, and the body names the
 * joiner's keys, so a welcome cannot be replayed to another invite or re-sealed to another joiner.
 */
export function welcomeSignatureInput(
  inviteId: Uint8Array,
  coordinatorSignPk: Uint8Array,
  body: Uint8Array,
): Uint8Array {
  return concatBytes(new Uint8Array([WELCOME_VERSION]), inviteId, coordinatorSignPk, body);
}
