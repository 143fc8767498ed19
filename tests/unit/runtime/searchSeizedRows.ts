import { deriveEpochSecrets } from '../../../shared/crypto/deriveEpochSecrets.ts';
import { decryptEnvelope } from '../../../shared/envelope/decryptEnvelope.ts';
import type { SealedStore, SealedTable } from '../../../shared/vault/SealedStore.ts';

/** Every table a seized vault holds. */
export const SEALED_TABLES: readonly SealedTable[] = [
  'secrets',
  'cells',
  'envelopes',
  'snapshots',
  'settings',
];

export const containsBytes = (hay: Uint8Array, needle: Uint8Array): boolean => {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
};

/**
 * What someone holding the vault (with its passphrase) and `keys` finds of `needle`: every stored
 * row searched in clear and opened as an envelope of each epoch under each of its keys. `opened`
 * counts the rows that opened, so a test can show its search was real.
 */
export async function searchSeizedRows(
  store: SealedStore,
  cellId: Uint8Array,
  keys: ReadonlyMap<number, readonly Uint8Array[]>,
  needle: Uint8Array,
): Promise<{ found: boolean; opened: number }> {
  let found = false;
  let opened = 0;
  for (const table of SEALED_TABLES) {
    for (const row of await store.scan(table)) {
      if (containsBytes(row.value, needle)) found = true;
      for (const [e, list] of keys) {
        for (const k of list) {
          const { contentKey } = deriveEpochSecrets(k, cellId, e);
          const plain = decryptEnvelope(row.value, contentKey, cellId, e);
          if (!plain.ok) continue;
          opened++;
          if (containsBytes(plain.value, needle)) found = true;
        }
      }
    }
  }
  return { found, opened };
}
