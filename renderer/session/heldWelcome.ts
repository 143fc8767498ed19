import type { CellRecord } from '../../shared/runtime/Keyring.ts';
import type { JoinConfirmation } from './AppSession.ts';

/**
 * A verified welcome held in memory until the joiner has compared the admitting coordinator's
 * safety words. `confirm` keeps the cell (with that coordinator marked as compared); `cancel`
 * zeroes the new identity's secret keys and the epoch keys, so nothing of the cell outlives it.
 * Whichever comes first wins; the other then does nothing (confirm after cancel rejects).
 */
export function heldWelcome(
  record: CellRecord,
  shown: {
    readonly cellName: string;
    readonly coordinatorPseudonym: string;
    readonly coordinatorWords: readonly string[];
    readonly coordinatorSignPkHex: string;
    readonly keep: (record: CellRecord) => Promise<string>;
  },
): JoinConfirmation {
  let settled: Promise<string> | 'cancelled' | undefined;
  return {
    cellName: shown.cellName,
    coordinatorPseudonym: shown.coordinatorPseudonym,
    coordinatorWords: shown.coordinatorWords,
    confirm: () => {
      if (settled === 'cancelled') return Promise.reject(new Error('the join was cancelled'));
      settled ??= shown.keep({
        ...record,
        name: shown.cellName,
        verified: [shown.coordinatorSignPkHex],
      });
      return settled;
    },
    cancel: () => {
      if (settled !== undefined) return;
      settled = 'cancelled';
      record.identity.signSk.fill(0);
      record.identity.boxSk.fill(0);
      for (const key of record.epochKeys.values()) key.fill(0);
    },
  };
}
