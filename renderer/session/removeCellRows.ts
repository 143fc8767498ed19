import type { SealedStore } from '../../shared/vault/SealedStore.ts';

/**
 * Deletes every sealed row this device keeps for one cell: its envelopes, local sync state and
 * checkpoints (SealedSyncStore keys them all `${cellIdHex}/…` in the envelopes table), in one
 * atomic write. The cell's keyring record is the caller's to drop. Returns how many rows went.
 */
export async function removeCellRows(store: SealedStore, cellIdHex: string): Promise<number> {
  const prefix = `${cellIdHex}/`;
  const rows = await store.scan('envelopes', (key) => key.startsWith(prefix));
  await store.deleteMany(rows.map((row) => ({ table: 'envelopes' as const, key: row.key })));
  return rows.length;
}
