import { useEffect, useState } from 'react';
import type { AppSession } from '../session/AppSession.ts';
import type { CellSession } from '../session/CellSession.ts';

export type CellOpening =
  | { readonly kind: 'opening' }
  | { readonly kind: 'open'; readonly cell: CellSession }
  | { readonly kind: 'failed' };

/** Opens one cell through the app session (which owns and closes it on lock). */
export function useCellSession(session: AppSession, cellIdHex: string): CellOpening {
  const [state, setState] = useState<{ id: string; opening: CellOpening }>({
    id: cellIdHex,
    opening: { kind: 'opening' },
  });
  useEffect(() => {
    let cancelled = false;
    let shown: CellSession | undefined;
    const load = (): void => {
      session.openCell(cellIdHex).then(
        (cell) => {
          if (cancelled || cell === shown) return;
          shown = cell;
          setState({ id: cellIdHex, opening: { kind: 'open', cell } });
        },
        () => {
          if (!cancelled) setState({ id: cellIdHex, opening: { kind: 'failed' } });
        },
      );
    };
    setState({ id: cellIdHex, opening: { kind: 'opening' } });
    load();
    // After a self re-key the cell is a new session under the new keys: follow it.
    const off = session.onCellsChange(load);
    return () => {
      cancelled = true;
      off();
    };
  }, [session, cellIdHex]);
  return state.id === cellIdHex ? state.opening : { kind: 'opening' };
}
