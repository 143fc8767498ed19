import { CELL_INDEX_DOC_ID } from '../../shared/cell/cellIndexDocId.ts';
import { setHorizonPolicy } from '../../shared/cell/setHorizonPolicy.ts';
import { toHex } from '../../shared/crypto/bytes.ts';
import type { CellRuntime } from '../../shared/runtime/CellRuntime.ts';
import type { CellHorizonSettings } from './CellSession.ts';

const isCoordinator = (cell: CellRuntime): boolean =>
  cell.currentRoster().members.get(toHex(cell.me.signPk))?.role === 'coordinator';

/** The cell's history horizon for the settings screen and the versions panel. */
export function createCellHorizon(cell: CellRuntime, notify: () => void): CellHorizonSettings {
  return {
    get: () => ({
      ...cell.horizon.policy(),
      editable: isCoordinator(cell),
      waiting: cell.horizon.progress().waiting.length,
    }),
    set: (value) => {
      if (!isCoordinator(cell)) return false;
      setHorizonPolicy(cell.sync.doc(CELL_INDEX_DOC_ID), value);
      cell.horizon.check();
      notify();
      return true;
    },
    issuePrinted: async () => {
      await cell.horizon.issuePrinted();
      notify();
    },
    rotateNow: async () => {
      if (!isCoordinator(cell)) return;
      await cell.horizon.rotateNow();
      notify();
    },
  };
}
