import { useId, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_PASSPHRASE_BYTES } from '../../shared/vault/normalizePassphrase.ts';
import { LanguageSwitcher } from '../ui/LanguageSwitcher.tsx';
import { useCountdown } from './useCountdown.ts';
import type { Outcome } from './useShellController.ts';

/**
 * The lock screen. Every failure shows the same message (openVault tells us nothing more, on
 * purpose); after each failure the next attempt waits longer, shown as a countdown.
 */
export function UnlockScreen({
  unlock,
  retryInMs,
  locking,
}: {
  readonly unlock: (passphrase: string) => Promise<Outcome>;
  /** Time until the gate lets the next attempt through. */
  readonly retryInMs: () => number;
  /** Still closing the previous session: unlocking waits for it. */
  readonly locking: boolean;
}): ReactElement {
  const { t } = useTranslation();
  const ids = { pass: useId(), error: useId() };
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const [retryAt, setRetryAt] = useState(() => Date.now() + retryInMs());
  const wait = useCountdown(retryAt);
  const blocked = busy || locking || wait > 0;

  return (
    <main className="centered">
      <div className="centered__column stack">
        <div className="top-right">
          <LanguageSwitcher />
        </div>
        <h1>{t('vault.unlock.heading')}</h1>
        <form
          className="panel stack"
          autoComplete="off"
          onSubmit={(event) => {
            event.preventDefault();
            if (blocked || passphrase === '') return;
            setBusy(true);
            const attempt = passphrase;
            setPassphrase('');
            void unlock(attempt).then((outcome) => {
              // On success this screen is already unmounting.
              if (outcome === 'ok') return;
              setBusy(false);
              setFailed(true);
              setRetryAt(Date.now() + retryInMs());
            });
          }}
        >
          <div className="field">
            <label htmlFor={ids.pass}>{t('vault.unlock.passphraseLabel')}</label>
            <input
              id={ids.pass}
              type="password"
              value={passphrase}
              maxLength={MAX_PASSPHRASE_BYTES}
              autoComplete="off"
              autoCapitalize="off"
              spellCheck={false}
              autoFocus
              disabled={busy}
              aria-invalid={failed ? true : undefined}
              aria-describedby={failed ? ids.error : undefined}
              onChange={(event) => setPassphrase(event.target.value)}
            />
          </div>
          {failed && !busy && (
            <div className="error" role="alert" id={ids.error}>
              <p>{t('vault.unlock.failed')}</p>
              {wait > 0 && <p>{t('vault.unlock.retryIn', { seconds: wait })}</p>}
            </div>
          )}
          {(busy || locking) && (
            <div className="stack stack--tight" aria-busy="true">
              <progress
                aria-label={t(locking ? 'vault.unlock.locking' : 'vault.unlock.unlocking')}
              />
              <p role="status">{t(locking ? 'vault.unlock.locking' : 'vault.unlock.unlocking')}</p>
            </div>
          )}
          <div className="actions">
            <button type="submit" disabled={blocked || passphrase === ''}>
              {t('vault.unlock.submit')}
            </button>
          </div>
        </form>
      </div>
    </main>
  );
}
