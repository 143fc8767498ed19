import type { Storage } from '../storage/Storage.ts';
import { VAULT_HEADER_ID, VAULT_TABLE } from './vaultHeaderFormat.ts';

/** Whether this installation has a vault header (create screen vs unlock screen). */
export async function hasVault(storage: Storage): Promise<boolean> {
  return (await storage.get(VAULT_TABLE, VAULT_HEADER_ID)) !== undefined;
}
