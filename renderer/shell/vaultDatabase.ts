import { hasVault } from '../../shared/vault/hasVault.ts';
import type { Storage } from '../../shared/storage/Storage.ts';
import { LEGACY_BUCKET } from '../storage/bucketPlan.ts';
import { openDexieStorage } from '../storage/DexieStorage.ts';
import { MovableStorage } from '../storage/MovableStorage.ts';
import { VaultBuckets, type StorageBucketManagerLike } from '../storage/vaultBuckets.ts';

/** The one IndexedDB database of the app (DexieStorage's default name). */
export const VAULT_DB_NAME = 'quire';

/**
 * The storage buckets that hold the database, where the browser has them (Chromium >= 122, so
 * Electron too). Deleting a bucket removes its files from disk; deleting only the database, or
 * rows in it, leaves LevelDB tables full of old (sealed) rows behind until some later
 * compaction. So the vault lives in a bucket with a random name, and moves to a fresh one after
 * the history horizon forgot (MovableStorage, vaultBuckets.ts, bucketPlan.ts). Without bucket
 * support the database is the page's own and never moves.
 */
const bucketManager = (): StorageBucketManagerLike | undefined =>
  (navigator as Navigator & { readonly storageBuckets?: StorageBucketManagerLike }).storageBuckets;

const randomName = (): Uint8Array => crypto.getRandomValues(new Uint8Array(16));

function vaultBuckets(name: string): VaultBuckets | undefined {
  const manager = bucketManager();
  return manager && new VaultBuckets(manager, randomName, name);
}

export type BootState =
  | { readonly kind: 'first-run' }
  | { readonly kind: 'locked'; readonly storage: Storage }
  | { readonly kind: 'broken' };

/**
 * Whether our database exists, without creating it (nor a bucket): opening it would leave a
 * database on a device that never had a vault, and bring one back right after a panic wipe.
 */
export async function databaseExists(name: string = VAULT_DB_NAME): Promise<boolean> {
  const buckets = vaultBuckets(name);
  if (buckets === undefined) return (await indexedDB.databases()).some((db) => db.name === name);
  const { use } = await buckets.plan();
  return use !== undefined && (await buckets.hasDatabase(use));
}

/**
 * Opens (creating if needed) the vault's database. With buckets: first finishes what a restart
 * found (an interrupted move or first run: bucketPlan.ts), creates a fresh bucket on a first
 * run, and moves a vault still in the bucket of older versions ('quire') to a random name.
 */
export async function openVaultStorage(name: string = VAULT_DB_NAME): Promise<Storage> {
  const buckets = vaultBuckets(name);
  if (buckets === undefined) return openDexieStorage({ name, indexedDB });
  const bucket = (await buckets.settle()) ?? (await buckets.create());
  const storage = new MovableStorage(
    { bucket, storage: await buckets.openStorage(bucket) },
    (from, signal) => buckets.move(from.bucket, from.storage, signal),
  );
  if (bucket === LEGACY_BUCKET) await storage.purgeResidue();
  return storage;
}

/**
 * Deletes every bucket of the page, files and all (after wipeVault): the vault's, and any copy
 * an interrupted move left. Without bucket support there is nothing more a page can delete.
 * Never rejects.
 */
export async function destroyVaultContainer(): Promise<void> {
  try {
    const manager = bucketManager();
    if (manager === undefined) return;
    for (const bucket of await manager.keys()) await manager.delete(bucket);
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
