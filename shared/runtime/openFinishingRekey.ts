import type { SealedStore } from '../vault/SealedStore.ts';
import type { CellRuntime } from './CellRuntime.ts';
import { finishRekey } from './finishRekey.ts';
import type { CellRecord } from './Keyring.ts';
import { pendingRekeyOp } from './pendingRekeyOp.ts';

export interface OpenFinishingRekeyOptions {
  readonly sealed: SealedStore;
  /** Persists a record through the keyring's owner. */
  readonly save: (record: CellRecord) => Promise<void>;
  /** Opens a runtime for a record (the caller's transport and storage). */
  readonly open: (record: CellRecord) => Promise<CellRuntime>;
}

/**
 * Opens a cell, first finishing a rekey this device started but did not finish (the app died or
 * the vault locked half-way, rekeySelf.ts). The new keys and the rekey op were saved in the
 * record before the op left the device, but the op may never have left: the cell is opened under
 * the old key once, the op published again (the same op twice is harmless), and closed; then the
 * record switches to the new keys (finishRekey) and the cell opens under them.
 */
export async function openFinishingRekey(
  record: CellRecord,
  opts: OpenFinishingRekeyOptions,
): Promise<CellRuntime> {
  const op = pendingRekeyOp(record);
  if (!op) return opts.open(record);
  const old = await opts.open(record);
  old.sync.publishRosterOp(op);
  await old.close();
  const finished = await finishRekey(old.cellRecord, opts.sealed);
  if (!finished) return opts.open(old.cellRecord);
  await opts.save(finished);
  return opts.open(finished);
}
