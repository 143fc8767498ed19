import { useId, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlatformInfo } from '../../shared/platform/Platform.ts';
import { isLanguage, LANGUAGES } from '../i18n/i18n.ts';
import { PANIC_SHORTCUT_LABEL } from '../shell/isPanicShortcut.ts';
import type { DuressOutcome, DuressRequest } from '../shell/setDuressWithTemplate.ts';
import { AUTO_LOCK_MINUTES, isAutoLockMinutes, THEMES, type AppSettings } from './AppSettings.ts';
import { DuressForm } from './DuressForm.tsx';

/** App-wide settings. Every choice is saved sealed in the vault as soon as it is made. */
export function SettingsScreen({
  settings,
  onChange,
  onLockNow,
  onPanicWipe,
  contentProtectionSupported,
  platform,
  signalUrls,
  onSetDuress,
}: {
  readonly settings: AppSettings;
  readonly onChange: (patch: Partial<AppSettings>) => void;
  readonly onLockNow: () => void;
  readonly onPanicWipe: () => void;
  /** undefined until the platform answered. */
  readonly contentProtectionSupported: boolean | undefined;
  readonly platform: PlatformInfo['platform'] | undefined;
  readonly signalUrls: readonly string[];
  readonly onSetDuress: (request: DuressRequest) => Promise<DuressOutcome>;
}): ReactElement {
  const { t } = useTranslation();
  const ids = {
    language: useId(),
    autoLock: useId(),
    theme: useId(),
    protection: useId(),
    protectionHelp: useId(),
  };
  const protectionNote =
    contentProtectionSupported !== false
      ? t('settings.protection.help')
      : platform === 'browser'
        ? t('settings.protection.unsupportedBrowser')
        : platform === 'linux'
          ? t('settings.protection.unsupportedLinux')
          : t('settings.protection.unsupported');

  return (
    <div className="settings stack">
      <h1>{t('settings.heading')}</h1>
      <p className="muted">{t('settings.scope')}</p>

      <section className="panel stack" aria-labelledby={`${ids.language}-h`}>
        <h2 id={`${ids.language}-h`}>{t('settings.appearance.heading')}</h2>
        <div className="field">
          <label htmlFor={ids.language}>{t('language.label')}</label>
          <select
            id={ids.language}
            value={settings.language}
            onChange={(event) => {
              if (isLanguage(event.target.value)) onChange({ language: event.target.value });
            }}
          >
            {LANGUAGES.map((language) => (
              <option key={language} value={language} lang={language}>
                {t(`language.${language}`)}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="choice-row">
          <legend>{t('settings.theme.label')}</legend>
          {THEMES.map((theme) => (
            <label key={theme} className="choice-row__option">
              <input
                type="radio"
                name={ids.theme}
                value={theme}
                checked={settings.theme === theme}
                onChange={() => onChange({ theme })}
              />
              {t(`settings.theme.${theme}`)}
            </label>
          ))}
        </fieldset>
      </section>

      <section className="panel stack" aria-labelledby={`${ids.autoLock}-h`}>
        <h2 id={`${ids.autoLock}-h`}>{t('settings.lock.heading')}</h2>
        <div className="field">
          <label htmlFor={ids.autoLock}>{t('settings.lock.autoLockLabel')}</label>
          <select
            id={ids.autoLock}
            value={settings.autoLockMinutes}
            onChange={(event) => {
              const minutes = Number(event.target.value);
              if (isAutoLockMinutes(minutes)) onChange({ autoLockMinutes: minutes });
            }}
          >
            {AUTO_LOCK_MINUTES.map((minutes) => (
              <option key={minutes} value={minutes}>
                {t('settings.lock.minutes', { minutes })}
              </option>
            ))}
          </select>
          <p className="muted field__help">{t('settings.lock.help')}</p>
        </div>
        <div className="actions actions--start">
          <button type="button" onClick={onLockNow}>
            {t('shell.nav.lock')}
          </button>
        </div>
      </section>

      <section className="panel stack" aria-labelledby={`${ids.protection}-h`}>
        <h2 id={`${ids.protection}-h`}>{t('settings.protection.heading')}</h2>
        <label className="check">
          <input
            id={ids.protection}
            type="checkbox"
            checked={settings.contentProtection && contentProtectionSupported !== false}
            disabled={contentProtectionSupported === false}
            aria-describedby={ids.protectionHelp}
            onChange={(event) => onChange({ contentProtection: event.target.checked })}
          />
          {t('settings.protection.label')}
        </label>
        <p className="muted" id={ids.protectionHelp}>
          {protectionNote}
        </p>
      </section>

      <section className="panel stack">
        <DuressForm language={settings.language} signalUrls={signalUrls} onSubmit={onSetDuress} />
      </section>

      <section className="panel panel--danger stack" aria-labelledby={`${ids.protection}-panic`}>
        <h2 id={`${ids.protection}-panic`}>{t('settings.panic.heading')}</h2>
        <p>{t('settings.panic.explain')}</p>
        <p>{t('settings.panic.shortcut', { shortcut: PANIC_SHORTCUT_LABEL })}</p>
        <p className="muted">{t('settings.panic.limits')}</p>
        <label className="check">
          <input
            type="checkbox"
            checked={settings.confirmPanicWipe}
            onChange={(event) => onChange({ confirmPanicWipe: event.target.checked })}
          />
          {t('settings.panic.confirmLabel')}
        </label>
        <div className="actions actions--start">
          <button type="button" className="button--danger" onClick={onPanicWipe}>
            {t('settings.panic.button')}
          </button>
        </div>
      </section>
    </div>
  );
}
