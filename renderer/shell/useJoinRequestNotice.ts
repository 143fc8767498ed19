import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { getPlatform } from '../platform/getPlatform.ts';
import type { CellSummary } from '../session/AppSession.ts';

/**
 * A desktop notification when a new join request starts waiting in any open cell (Electron; the
 * browser build has its badges only). Fixed text, no cell name, no pseudonym: the OS may keep a
 * history of notifications outside the vault.
 */
export function useJoinRequestNotice(cells: readonly CellSummary[]): void {
  const { t } = useTranslation();
  const waiting = cells.reduce((sum, cell) => sum + (cell.waiting ?? 0), 0);
  const previous = useRef(waiting);
  useEffect(() => {
    if (waiting > previous.current)
      void getPlatform().notify(t('app.name'), t('shell.notify.joinRequest'));
    previous.current = waiting;
  }, [waiting, t]);
}
