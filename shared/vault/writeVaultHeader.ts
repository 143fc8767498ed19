import { bytesEqual } from '../crypto/bytes.ts';
import type { Storage } from '../storage/Storage.ts';
import { err, ok, type Result } from '../util/result.ts';
import type { KdfParams } from './kdfParams.ts';
import { openVaultSlots } from './openVaultSlots.ts';
import { parseVaultHeader } from './parseVaultHeader.ts';
import { VAULT_HEADER_ID, VAULT_TABLE } from './vaultHeaderFormat.ts';

/** What the new header must open to, with the KEK that sealed it. */
export interface HeaderCheck {
  readonly kek: Uint8Array;
  readonly slot: number;
  readonly vdk: Uint8Array;
  readonly floor?: KdfParams | undefined;
}

/**
 * Replaces the only copy of the wrapped keys: first checks our own work (the header parses and
 * `kek` opens `slot` to `vdk`; anything else is a programming error and throws before any write),
 * then writes it. `kek` is zeroed in every case.
 */
export async function writeVaultHeader(
  storage: Storage,
  bytes: Uint8Array,
  expect: HeaderCheck,
): Promise<Result<void, 'storage_failed'>> {
  const parsed = parseVaultHeader(bytes, expect.floor);
  const check = parsed.ok ? openVaultSlots(expect.kek, parsed.value) : undefined;
  expect.kek.fill(0);
  if (check === undefined || check.slot !== expect.slot || !bytesEqual(check.vdk, expect.vdk)) {
    throw new Error('a new vault header does not open as intended'); // programming error
  }
  check.vdk.fill(0);
  try {
    await storage.write([{ op: 'put', table: VAULT_TABLE, id: VAULT_HEADER_ID, bytes }]);
    return ok(undefined);
  } catch {
    return err('storage_failed');
  }
}
