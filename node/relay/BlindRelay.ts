import type { CellRecord } from '../../shared/runtime/Keyring.ts';
import type { Scheduler } from '../../shared/sync/Scheduler.ts';
import type { Transport } from '../../shared/transport/Transport.ts';
import type { SealedStore } from '../../shared/vault/SealedStore.ts';
import { RelayCell } from './RelayCell.ts';
import type { RelayStats } from './RelayCellOptions.ts';
import type { RelayLimits } from './RelayLimits.ts';

export interface BlindRelayOptions {
  readonly sealed: SealedStore;
  readonly transport?: Transport;
  readonly limits?: Partial<RelayLimits>;
  readonly scheduler?: Scheduler;
  readonly onError?: (message: string) => void;
}

/** Every relay cell of one home (records of kind 'relay'), opened and closed together. */
export class BlindRelay {
  private constructor(private readonly cells: ReadonlyMap<string, RelayCell>) {}

  static async open(records: readonly CellRecord[], opts: BlindRelayOptions): Promise<BlindRelay> {
    const cells = new Map<string, RelayCell>();
    for (const record of records) {
      if (record.kind !== 'relay') continue;
      cells.set(record.cellIdHex, await RelayCell.open({ ...opts, record }));
    }
    return new BlindRelay(cells);
  }

  get size(): number {
    return this.cells.size;
  }

  stats(): Map<string, RelayStats> {
    return new Map(Array.from(this.cells, ([id, cell]) => [id, cell.stats()]));
  }

  async close(): Promise<void> {
    for (const cell of this.cells.values()) await cell.close();
  }
}
