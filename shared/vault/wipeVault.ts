import { randomBytes } from '../crypto/randomBytes.ts';
import type { Storage } from '../storage/Storage.ts';
import type { Vault } from './Vault.ts';
import { VAULT_HEADER_ID, VAULT_TABLE } from './vaultHeaderFormat.ts';

export interface WipeReport {
  /** The header row was overwritten with random bytes and deleted. */
  readonly headerDestroyed: boolean;
  /** storage.wipe() completed. */
  readonly wiped: boolean;
}

/**
 * Panic wipe. Locks the vault in memory, then destroys the wrapped VDK first (overwrite the
 * header row with random bytes of the same length in one write, then delete it): once it is gone
 * every other row is undecryptable even with the passphrase. Then wipes the whole store.
 * Each step is attempted even if an earlier one failed; never throws.
 * Honest limit: a log-structured store (IndexedDB's LevelDB) may keep old values on disk until
 * compaction, and an SSD may keep old blocks; see docs/THREAT_MODEL.md.
 */
export async function wipeVault(storage: Storage, vault?: Vault): Promise<WipeReport> {
  vault?.lock();
  let headerDestroyed = false;
  try {
    const header = await storage.get(VAULT_TABLE, VAULT_HEADER_ID);
    if (header !== undefined) {
      await storage.write([
        { op: 'put', table: VAULT_TABLE, id: VAULT_HEADER_ID, bytes: randomBytes(header.length) },
      ]);
    }
    await storage.write([{ op: 'delete', table: VAULT_TABLE, id: VAULT_HEADER_ID }]);
    headerDestroyed = true;
  } catch {
    try {
      await storage.write([{ op: 'delete', table: VAULT_TABLE, id: VAULT_HEADER_ID }]);
      headerDestroyed = true;
    } catch {
      // fall through to the full wipe
    }
  }
  let wiped = false;
  try {
    await storage.wipe();
    wiped = true;
  } catch {
    // reported to the caller, who can retry or tell the person
  }
  return { headerDestroyed, wiped };
}
