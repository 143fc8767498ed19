import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';

/** What to do when there is no cell yet, or none is selected. */
export function EmptyHome({
  hasCells,
  onNewCell,
  onJoin,
}: {
  readonly hasCells: boolean;
  readonly onNewCell: () => void;
  readonly onJoin: () => void;
}): ReactElement {
  const { t } = useTranslation();
  return (
    <section className="empty stack">
      <h1>{t(hasCells ? 'shell.home.pickHeading' : 'shell.home.noneHeading')}</h1>
      <p>{t(hasCells ? 'shell.home.pick' : 'shell.home.none')}</p>
      <div className="actions actions--start">
        <button type="button" onClick={onNewCell}>
          {t('shell.nav.newCell')}
        </button>
        <button type="button" className="button--secondary" onClick={onJoin}>
          {t('shell.nav.join')}
        </button>
      </div>
    </section>
  );
}
