import { readFile, writeFile } from 'node:fs/promises';
import type { MemorySyncStore } from '../shared/sync/MemorySyncStore.ts';
import type { SyncStore } from '../shared/sync/SyncStore.ts';
import { fromSnapshot, toSnapshot } from './storeSnapshot.ts';

/** Writes a store to a JSON file (a host process of the cold-join scenario loads it). */
export async function saveStoreFile(store: SyncStore, path: string): Promise<void> {
  await writeFile(path, JSON.stringify(await toSnapshot(store)));
}

export async function loadStoreFile(path: string): Promise<MemorySyncStore> {
  return fromSnapshot(JSON.parse(await readFile(path, 'utf8')) as unknown);
}
