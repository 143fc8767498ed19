import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreateProgress } from './createVaultWithProgress.ts';
import { CreatingVault } from './CreatingVault.tsx';
import { LanguageChoice } from './LanguageChoice.tsx';
import { NewPassphraseForm } from './NewPassphraseForm.tsx';
import type { Outcome, StartIntent } from './useShellController.ts';

type Step =
  | { readonly kind: 'welcome' }
  | { readonly kind: 'passphrase'; readonly intent: StartIntent }
  | { readonly kind: 'creating'; readonly progress: CreateProgress };

/**
 * First run: language, then how to start (a new cell, or an invite code), then a passphrase;
 * the vault is created with it. Joining happens once the vault exists (the shell opens the
 * invite form right after).
 */
export function FirstRunScreen({
  create,
}: {
  readonly create: (
    passphrase: string,
    intent: StartIntent,
    onProgress: (p: CreateProgress) => void,
  ) => Promise<Outcome>;
}): ReactElement {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>({ kind: 'welcome' });
  const [failed, setFailed] = useState(false);

  return (
    <main className="centered">
      <div className="centered__column stack">
        <header className="stack stack--tight">
          <h1>{t('shell.firstRun.heading')}</h1>
          <p>{t('shell.firstRun.intro')}</p>
        </header>
        {failed && (
          <p className="error" role="alert">
            {t('vault.create.failed')}
          </p>
        )}
        {step.kind === 'welcome' && (
          <section className="panel stack">
            <LanguageChoice />
            <h2>{t('shell.firstRun.startHeading')}</h2>
            <div className="start-options">
              <button
                type="button"
                onClick={() => setStep({ kind: 'passphrase', intent: 'create-cell' })}
              >
                {t('shell.firstRun.startNew')}
              </button>
              <button
                type="button"
                className="button--secondary"
                onClick={() => setStep({ kind: 'passphrase', intent: 'join' })}
              >
                {t('shell.firstRun.haveInvite')}
              </button>
            </div>
            <p className="muted">{t('shell.firstRun.startHint')}</p>
          </section>
        )}
        {step.kind === 'passphrase' && (
          <NewPassphraseForm
            onBack={() => setStep({ kind: 'welcome' })}
            onSubmit={(passphrase) => {
              const { intent } = step;
              setFailed(false);
              setStep({ kind: 'creating', progress: { stage: 'measuring', step: 1 } });
              void create(passphrase, intent, (progress) =>
                setStep({ kind: 'creating', progress }),
              ).then((outcome) => {
                if (outcome === 'failed') {
                  setFailed(true);
                  setStep({ kind: 'passphrase', intent });
                }
              });
            }}
          />
        )}
        {step.kind === 'creating' && <CreatingVault progress={step.progress} />}
      </div>
    </main>
  );
}
