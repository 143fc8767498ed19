import { hasVault } from '../../shared/vault/hasVault.ts';
import { openDexieStorage, type DexieStorage } from '../storage/DexieStorage.ts';

/** The one IndexedDB database of the app (DexieStorage's default name). */
export const VAULT_DB_NAME = 'quire';

/**
 * The storage bucket that holds the database, where the browser has them (Chromium >= 122, so
 * Electron too). Deleting a bucket removes its files from disk; deleting only the database
 * leaves LevelDB tables full of old (sealed) rows behind until some later compaction.
 */
const BUCKET_NAME = 'quire';
const BUCKET_OPTIONS = { durability: 'strict', persisted: true } as const;

interface StorageBucketLike {
  readonly indexedDB: IDBFactory;
}
interface StorageBucketManagerLike {
  open(name: string, options?: typeof BUCKET_OPTIONS): Promise<StorageBucketLike>;
  keys(): Promise<string[]>;
  delete(name: string): Promise<void>;
}

const bucketManager = (): StorageBucketManagerLike | undefined =>
  (navigator as Navigator & { readonly storageBuckets?: StorageBucketManagerLike }).storageBuckets;

/** The IndexedDB factory of the vault: its bucket's, or the page's default one. */
async function vaultIndexedDb(): Promise<IDBFactory> {
  const buckets = bucketManager();
  return buckets === undefined
    ? indexedDB
    : (await buckets.open(BUCKET_NAME, BUCKET_OPTIONS)).indexedDB;
}

export type BootState =
  | { readonly kind: 'first-run' }
  | { readonly kind: 'locked'; readonly storage: DexieStorage }
  | { readonly kind: 'broken' };

/**
 * Whether our database exists, without creating it (nor its bucket): opening it would leave a
 * database on a device that never had a vault, and bring one back right after a panic wipe.
 */
export async function databaseExists(name: string = VAULT_DB_NAME): Promise<boolean> {
  const buckets = bucketManager();
  if (buckets !== undefined && !(await buckets.keys()).includes(BUCKET_NAME)) return false;
  const all = await (await vaultIndexedDb()).databases();
  return all.some((db) => db.name === name);
}

/** Opens (creating if needed) the vault's database. */
export async function openVaultStorage(name: string = VAULT_DB_NAME): Promise<DexieStorage> {
  return openDexieStorage({ name, indexedDB: await vaultIndexedDb() });
}

/**
 * Deletes the bucket that held the database, files and all (after wipeVault). Without bucket
 * support there is nothing more a page can delete. Never rejects.
 */
export async function destroyVaultContainer(): Promise<void> {
  try {
    await bucketManager()?.delete(BUCKET_NAME);
  } catch {
    // The database itself is already gone; the host's own wipe (Electron) clears the rest.
  }
}

/**
 * Where the app starts: first run (no database), locked (a vault header exists), or broken
 * (storage unusable). A database without a header is what an interrupted panic wipe leaves:
 * without the wrapped key its rows can never be opened again, so the wipe is finished here.
 */
export async function bootVault(name: string = VAULT_DB_NAME): Promise<BootState> {
  try {
    if (!(await databaseExists(name))) return { kind: 'first-run' };
    const storage = await openVaultStorage(name);
    if (await hasVault(storage)) return { kind: 'locked', storage };
    await storage.wipe();
    await destroyVaultContainer();
    return { kind: 'first-run' };
  } catch {
    return { kind: 'broken' };
  }
}
