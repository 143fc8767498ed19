import { hash } from '../crypto/hash.ts';
import { LABELS } from '../crypto/labels.ts';

/** The fewest and the most sealed rows (all vaults and chaff together) the timer fills up to. */
export const CHAFF_TARGET_MIN = 512;
export const CHAFF_TARGET_MAX = 8192;

/**
 * How many sealed rows this installation's chaff timer fills the store up to: log-uniform between
 * 512 and 8192, derived from the header salt, so every vault of the installation (the real one and
 * a decoy alike) computes the same number and no vault needs to store it. An installation with one
 * vault and one with two both end up with max(target, rows the vaults really hold) rows.
 */
export function chaffTarget(salt: Uint8Array): number {
  const h = hash(LABELS.vaultChaff, [salt], 8);
  const unit = new DataView(h.buffer, h.byteOffset, 8).getUint32(0, false) / 2 ** 32;
  const lo = Math.log2(CHAFF_TARGET_MIN);
  const hi = Math.log2(CHAFF_TARGET_MAX);
  return Math.round(2 ** (lo + unit * (hi - lo)));
}
