import { useEffect, useState } from 'react';
import type { AppSession, CellSummary } from '../session/AppSession.ts';

/** The session's cells, kept current. */
export function useCells(session: AppSession): readonly CellSummary[] {
  const [cells, setCells] = useState(() => session.cells());
  useEffect(() => {
    setCells(session.cells());
    return session.onCellsChange(() => setCells(session.cells()));
  }, [session]);
  return cells;
}
