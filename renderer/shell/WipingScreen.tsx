import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';

/** Shown for the moment between the panic wipe and the restart into first run. */
export function WipingScreen(): ReactElement {
  const { t } = useTranslation();
  return (
    <main className="centered">
      <div className="centered__column stack" aria-busy="true">
        <h1>{t('shell.wiping.heading')}</h1>
        <progress aria-label={t('shell.wiping.heading')} />
      </div>
    </main>
  );
}
