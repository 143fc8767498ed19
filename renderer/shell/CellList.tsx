import { useId, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { CellSummary } from '../session/AppSession.ts';

/** The sidebar's cells: name, and the pseudonym you use in each (one identity per cell). */
export function CellList({
  cells,
  currentId,
  onOpen,
}: {
  readonly cells: readonly CellSummary[];
  readonly currentId: string | undefined;
  readonly onOpen: (cellIdHex: string) => void;
}): ReactElement {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="cell-list" aria-labelledby={headingId}>
      <h2 id={headingId} className="sidebar__heading">
        {t('shell.cells.heading')}
      </h2>
      {cells.length === 0 ? (
        <p className="muted sidebar__empty">{t('shell.cells.none')}</p>
      ) : (
        <ul className="cell-list__items">
          {cells.map((cell) => (
            <li key={cell.cellIdHex}>
              <button
                type="button"
                className="cell-list__item"
                aria-current={cell.cellIdHex === currentId ? 'page' : undefined}
                onClick={() => onOpen(cell.cellIdHex)}
              >
                <span className="cell-list__name">{cell.name}</span>
                <span className="cell-list__as">
                  <span className="swatch" style={{ background: cell.colour }} aria-hidden="true" />
                  {t('shell.cells.as', { pseudonym: cell.pseudonym })}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
