import { aeadOpen } from '../crypto/aeadOpen.ts';
import type { VaultHeader } from './parseVaultHeader.ts';
import {
  headerWrapAd,
  SLOT_FLAGS_KNOWN,
  SLOT_PLAIN_BYTES,
  slotWrapAd,
  VAULT_VERSION_V1,
  VDK_BYTES,
} from './vaultHeaderFormat.ts';

export interface OpenedSlot {
  readonly slot: number;
  readonly flags: number;
  /** The caller owns (and must zero) this. */
  readonly vdk: Uint8Array;
}

/**
 * Tries `kek` against EVERY slot of the header, whichever opens (the same AEAD work for the first
 * slot, the second, or none), so the time an unlock takes does not tell which slot it opened.
 * A v1 header has one slot (flags 0). Unknown flag bits make a slot unusable (written by a newer
 * version we do not understand). Returns the first slot that opens.
 */
export function openVaultSlots(kek: Uint8Array, header: VaultHeader): OpenedSlot | undefined {
  const opened: (Uint8Array | undefined)[] = header.slots.map((bytes, i) =>
    header.version === VAULT_VERSION_V1
      ? aeadOpen(kek, bytes, headerWrapAd(header.prefix))
      : aeadOpen(kek, bytes, slotWrapAd(header.prefix, i)),
  );
  let found: OpenedSlot | undefined;
  opened.forEach((plain, slot) => {
    if (plain === undefined) return;
    if (found === undefined) found = decodeSlot(plain, slot, header.version === VAULT_VERSION_V1);
    plain.fill(0);
  });
  return found;
}

function decodeSlot(plain: Uint8Array, slot: number, v1: boolean): OpenedSlot | undefined {
  if (v1) return plain.length === VDK_BYTES ? { slot, flags: 0, vdk: plain.slice() } : undefined;
  if (plain.length !== SLOT_PLAIN_BYTES) return undefined;
  const flags = plain[0] ?? 0;
  if ((flags & ~SLOT_FLAGS_KNOWN) !== 0) return undefined;
  return { slot, flags, vdk: plain.slice(1) };
}
