import { hasVault } from '../../shared/vault/hasVault.ts';
import { openDexieStorage, type DexieStorage } from '../storage/DexieStorage.ts';

/** The one IndexedDB database of the app (DexieStorage's default name). */
export const VAULT_DB_NAME = 'quire';

export type BootState =
  | { readonly kind: 'first-run' }
  | { readonly kind: 'locked'; readonly storage: DexieStorage }
  | { readonly kind: 'broken' };

/**
 * Whether our database exists, without creating it: opening it would leave a database on a
 * device that never had a vault (and bring one back right after a panic wipe).
 */
export async function databaseExists(name: string = VAULT_DB_NAME): Promise<boolean> {
  const all = await indexedDB.databases();
  return all.some((db) => db.name === name);
}

/**
 * Where the app starts: first run (no database), locked (a vault header exists), or broken
 * (storage unusable). A database without a header is what an interrupted panic wipe leaves:
 * without the wrapped key its rows can never be opened again, so the wipe is finished here.
 */
export async function bootVault(name: string = VAULT_DB_NAME): Promise<BootState> {
  try {
    if (!(await databaseExists(name))) return { kind: 'first-run' };
    const storage = await openDexieStorage({ name });
    if (await hasVault(storage)) return { kind: 'locked', storage };
    await storage.wipe();
    return { kind: 'first-run' };
  } catch {
    return { kind: 'broken' };
  }
}

/** Opens (creating) the database for a new vault. */
export function openFreshStorage(name: string = VAULT_DB_NAME): Promise<DexieStorage> {
  return openDexieStorage({ name });
}
