import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreateProgress } from './createVaultWithProgress.ts';

/** Progress while Argon2id runs in its worker (the page stays responsive meanwhile). */
export function CreatingVault({ progress }: { readonly progress: CreateProgress }): ReactElement {
  const { t } = useTranslation();
  const text =
    progress.stage === 'measuring'
      ? t('vault.progress.measuring', { step: progress.step })
      : t('vault.progress.deriving');
  return (
    <section className="panel stack" aria-busy="true">
      <h2>{t('vault.progress.heading')}</h2>
      <progress aria-label={t('vault.progress.heading')} />
      <p role="status">{text}</p>
      <p className="muted">{t('vault.progress.why')}</p>
    </section>
  );
}
