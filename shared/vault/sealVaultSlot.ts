import { aeadSeal } from '../crypto/aeadSeal.ts';
import { SLOT_BYTES, SLOT_PLAIN_BYTES, slotWrapAd, VDK_BYTES } from './vaultHeaderFormat.ts';

/** One v2 header slot: seal(KEK, flags || VDK) bound to the header prefix and the slot index. */
export function sealVaultSlot(
  kek: Uint8Array,
  prefix: Uint8Array,
  slot: number,
  vdk: Uint8Array,
  flags: number,
): Uint8Array {
  if (vdk.length !== VDK_BYTES) throw new RangeError('VDK must be 32 bytes');
  const plain = new Uint8Array(SLOT_PLAIN_BYTES);
  plain[0] = flags;
  plain.set(vdk, 1);
  const sealed = aeadSeal(kek, plain, slotWrapAd(prefix, slot));
  plain.fill(0);
  if (sealed.length !== SLOT_BYTES) throw new Error('vault slot has the wrong size');
  return sealed;
}
