import { useEffect, useId, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { generatePassphrase } from '../../shared/vault/generatePassphrase.ts';
import { MAX_PASSPHRASE_BYTES } from '../../shared/vault/normalizePassphrase.ts';
import { passphraseProblem } from './passphraseProblem.ts';
import { passphraseSubmitStep } from './passphraseSubmitStep.ts';
import { StrengthMeter } from './StrengthMeter.tsx';
import { usePassphraseStrength } from './usePassphraseStrength.ts';

/**
 * Choose a passphrase: six random words are suggested (shown, so they can be learnt; "Suggest
 * other words" draws again), a strength meter, the plain warning that nobody can recover it, a
 * confirmation field. A passphrase of the member's own must reach zxcvbn score 4 and 20 characters. Submits only a passphrase that is strong enough, confirmed, and
 * acknowledged as unrecoverable. A submit made while the strength check still runs waits for it
 * ("Checking the passphrase…") and then goes through or shows the problem; editing cancels it.
 */
export function NewPassphraseForm({
  onSubmit,
  onBack,
}: {
  readonly onSubmit: (passphrase: string) => void;
  readonly onBack: () => void;
}): ReactElement {
  const { t } = useTranslation();
  const ids = { pass: useId(), confirm: useId(), meter: useId(), warn: useId(), error: useId() };
  const [passphrase, setPassphrase] = useState(() => generatePassphrase());
  const [confirm, setConfirm] = useState('');
  const [understood, setUnderstood] = useState(false);
  const [shown, setShown] = useState(true);
  const [tried, setTried] = useState(false);
  const [queued, setQueued] = useState(false);
  const strength = usePassphraseStrength(passphrase);
  const problem = passphraseProblem({ passphrase, strength, confirm, understood });

  const step = passphraseSubmitStep(problem);
  const submit = (): void => {
    onSubmit(passphrase);
    setPassphrase('');
    setConfirm('');
  };
  // A queued submit is decided once, when the check it waited for ends.
  useEffect(() => {
    if (!queued || step === 'wait') return;
    setQueued(false);
    if (step !== 'submit') return;
    onSubmit(passphrase);
    setPassphrase('');
    setConfirm('');
  }, [queued, step, onSubmit, passphrase]);

  return (
    <form
      className="panel stack"
      autoComplete="off"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setTried(true);
        if (step === 'submit') submit();
        else setQueued(step === 'wait');
      }}
    >
      <h2>{t('vault.create.heading')}</h2>
      <p>{t('vault.create.intro')}</p>
      <div className="callout callout--warning" id={ids.warn}>
        <strong>{t('vault.create.noRecoveryTitle')}</strong>
        <p>{t('vault.create.noRecovery')}</p>
      </div>
      <div className="field">
        <label htmlFor={ids.pass}>{t('vault.create.passphraseLabel')}</label>
        <div className="field__row">
          <input
            id={ids.pass}
            type={shown ? 'text' : 'password'}
            value={passphrase}
            maxLength={MAX_PASSPHRASE_BYTES}
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            autoFocus
            aria-describedby={`${ids.meter} ${ids.warn}`}
            onChange={(event) => {
              setQueued(false);
              setPassphrase(event.target.value);
            }}
          />
          <button
            type="button"
            className="button--quiet"
            aria-pressed={shown}
            onClick={() => setShown(!shown)}
          >
            {t('vault.create.show')}
          </button>
        </div>
        <p className="muted field__help">{t('vault.create.suggestedHelp')}</p>
        <div className="actions actions--start">
          <button
            type="button"
            className="button--quiet"
            onClick={() => {
              setQueued(false);
              setPassphrase(generatePassphrase());
              setConfirm('');
            }}
          >
            {t('vault.create.suggest')}
          </button>
        </div>
      </div>
      <StrengthMeter id={ids.meter} strength={passphrase === '' ? undefined : strength} />
      <div className="field">
        <label htmlFor={ids.confirm}>{t('vault.create.confirmLabel')}</label>
        <input
          id={ids.confirm}
          type={shown ? 'text' : 'password'}
          value={confirm}
          maxLength={MAX_PASSPHRASE_BYTES}
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          onChange={(event) => {
            setQueued(false);
            setConfirm(event.target.value);
          }}
        />
      </div>
      <label className="check">
        <input
          type="checkbox"
          checked={understood}
          onChange={(event) => setUnderstood(event.target.checked)}
        />
        {t('vault.create.understand')}
      </label>
      {queued && (
        <p className="notice" role="status" aria-busy="true">
          {t('vault.create.checking')}
        </p>
      )}
      {tried && !queued && problem !== undefined && problem !== 'checking' && (
        <p className="error" role="alert" id={ids.error}>
          {t(`vault.create.problem.${problem}`)}
        </p>
      )}
      <div className="actions">
        <button type="button" className="button--quiet" onClick={onBack}>
          {t('shell.back')}
        </button>
        <button
          type="submit"
          aria-disabled={queued || undefined}
          aria-describedby={tried && problem !== undefined ? ids.error : undefined}
        >
          {t('vault.create.submit')}
        </button>
      </div>
    </form>
  );
}
