import { bytesEqual } from '../crypto/bytes.ts';
import { fingerprint } from './fingerprint.ts';

/**
 * "I compared safety words with this member": local UI state, stored only inside the sealed
 * vault (never sent to peers, never in clear). It pins the fingerprint that was compared, so a
 * member whose keys change shows as unverified again instead of inheriting the checkmark.
 */
export interface ContactVerification {
  readonly fingerprint: Uint8Array;
  /** Unix milliseconds, local clock. */
  readonly verifiedAt: number;
}

export function markVerified(
  signPk: Uint8Array,
  boxPk: Uint8Array,
  now: number,
): ContactVerification {
  return { fingerprint: fingerprint(signPk, boxPk), verifiedAt: now };
}

/** True only if `v` was made for exactly these keys. */
export function isVerified(
  v: ContactVerification | undefined,
  signPk: Uint8Array,
  boxPk: Uint8Array,
): boolean {
  return v !== undefined && bytesEqual(v.fingerprint, fingerprint(signPk, boxPk));
}
