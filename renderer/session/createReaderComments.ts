import { toHex } from '../../shared/crypto/bytes.ts';
import type { CellRuntime } from '../../shared/runtime/CellRuntime.ts';
import type { CellReaderCommentsSettings } from './CellSession.ts';

const isCoordinator = (cell: CellRuntime): boolean =>
  cell.currentRoster().members.get(toHex(cell.me.signPk))?.role === 'coordinator';

/** "Readers comment or only read" for the cell settings screen and the comments panel. */
export function createReaderComments(
  cell: CellRuntime,
  notify: () => void,
): CellReaderCommentsSettings {
  return {
    get: () => ({
      ...cell.readerComments.setting(),
      editable: isCoordinator(cell),
      allowedNow: cell.readerComments.allowedNow(),
    }),
    set: (on) => {
      if (!isCoordinator(cell)) return false;
      cell.readerComments.set(on);
      notify();
      return true;
    },
    rotateNow: async () => {
      if (!isCoordinator(cell)) return;
      await cell.rotateKey();
      notify();
    },
  };
}
