import { useId, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { isLanguage, LANGUAGES } from '../i18n/i18n.ts';

/**
 * The interface language as radio buttons, each named in its own language. Before a vault exists
 * the choice lives in memory only (it is saved, sealed, once the vault is created).
 */
export function LanguageChoice(): ReactElement {
  const { t, i18n } = useTranslation();
  const name = useId();
  const current = i18n.resolvedLanguage ?? 'en';
  return (
    <fieldset className="choice-row">
      <legend>{t('shell.firstRun.languageLegend')}</legend>
      {LANGUAGES.map((language) => (
        <label key={language} className="choice-row__option" lang={language}>
          <input
            type="radio"
            name={name}
            value={language}
            checked={current === language}
            onChange={(event) => {
              if (isLanguage(event.target.value)) void i18n.changeLanguage(event.target.value);
            }}
          />
          {t(`language.${language}`)}
        </label>
      ))}
    </fieldset>
  );
}
