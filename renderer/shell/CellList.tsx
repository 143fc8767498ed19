import { useId, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { CellSummary } from '../session/AppSession.ts';

/**
 * The sidebar's cells: name, and the pseudonym you use in each (one identity per cell); a count
 * of join requests waiting for your answer in a cell open now.
 */
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
                <span className="cell-list__name">
                  {cell.name}
                  {(cell.waiting ?? 0) > 0 && (
                    <>
                      <span className="count-badge" aria-hidden="true">
                        {cell.waiting}
                      </span>
                      <span className="visually-hidden">
                        {t('shell.tabs.waiting', { count: cell.waiting })}
                      </span>
                    </>
                  )}
                </span>
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
