import { useId, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DECOY_LANGUAGES,
  DECOY_TEMPLATE_IDS,
  type DecoyLanguage,
  type DecoyTemplateId,
} from '../../shared/decoy/decoyTemplates.ts';
import { parseRendezvousUrls } from '../shell/parseRendezvousUrls.ts';
import type { DuressOutcome, DuressRequest } from '../shell/setDuressWithTemplate.ts';

type Message = DuressOutcome | 'empty' | 'mismatch' | 'urls';

/**
 * Settings → "Set a duress passphrase". Shown the same way in every vault (a decoy too): its
 * presence says nothing about this installation. Nothing about it is remembered in this vault.
 */
export function DuressForm({
  language,
  signalUrls,
  onSubmit,
}: {
  readonly language: DecoyLanguage;
  readonly signalUrls: readonly string[];
  readonly onSubmit: (request: DuressRequest) => Promise<DuressOutcome>;
}): ReactElement {
  const { t } = useTranslation();
  const id = useId();
  const [current, setCurrent] = useState('');
  const [duress, setDuress] = useState('');
  const [confirm, setConfirm] = useState('');
  const [template, setTemplate] = useState<DecoyTemplateId>('reading-club');
  const [decoyLanguage, setDecoyLanguage] = useState<DecoyLanguage>(language);
  const [urls, setUrls] = useState(() => signalUrls.join('\n'));
  const [destroy, setDestroy] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | undefined>();

  return (
    <form
      className="stack"
      autoComplete="off"
      noValidate
      aria-labelledby={`${id}-h`}
      onSubmit={(event) => {
        event.preventDefault();
        if (busy) return;
        if (current === '' || duress === '') return setMessage('empty');
        if (duress !== confirm) return setMessage('mismatch');
        const parsed = parseRendezvousUrls(urls);
        if (!parsed.ok) return setMessage('urls');
        setBusy(true);
        setMessage(undefined);
        void onSubmit({
          currentPassphrase: current,
          duressPassphrase: duress,
          template,
          language: decoyLanguage,
          signaling: parsed.urls,
          destroyOnUse: destroy,
        }).then((outcome) => {
          setBusy(false);
          setMessage(outcome);
          if (outcome === 'ok') {
            setCurrent('');
            setDuress('');
            setConfirm('');
          }
        });
      }}
    >
      <h2 id={`${id}-h`}>{t('settings.duress.heading')}</h2>
      <p>{t('settings.duress.explain')}</p>
      <p className="muted">{t('settings.duress.limits')}</p>
      <div className="field">
        <label htmlFor={`${id}-current`}>{t('settings.duress.currentLabel')}</label>
        <input
          id={`${id}-current`}
          type="password"
          value={current}
          autoComplete="off"
          onChange={(event) => setCurrent(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-duress`}>{t('settings.duress.duressLabel')}</label>
        <input
          id={`${id}-duress`}
          type="password"
          value={duress}
          autoComplete="off"
          onChange={(event) => setDuress(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-confirm`}>{t('settings.duress.confirmLabel')}</label>
        <input
          id={`${id}-confirm`}
          type="password"
          value={confirm}
          autoComplete="off"
          onChange={(event) => setConfirm(event.target.value)}
        />
      </div>
      <fieldset className="choice-row">
        <legend>{t('settings.duress.templateLabel')}</legend>
        {DECOY_TEMPLATE_IDS.map((choice) => (
          <label key={choice} className="choice-row__option">
            <input
              type="radio"
              name={`${id}-template`}
              value={choice}
              checked={template === choice}
              onChange={() => setTemplate(choice)}
            />
            {t(`settings.duress.template.${choice}`)}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-lang`}>{t('settings.duress.languageLabel')}</label>
        <select
          id={`${id}-lang`}
          value={decoyLanguage}
          onChange={(event) => {
            const next = DECOY_LANGUAGES.find((l) => l === event.target.value);
            if (next !== undefined) setDecoyLanguage(next);
          }}
        >
          {DECOY_LANGUAGES.map((l) => (
            <option key={l} value={l} lang={l}>
              {t(`language.${l}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-urls`}>{t('settings.duress.urlsLabel')}</label>
        <textarea
          id={`${id}-urls`}
          value={urls}
          rows={2}
          autoComplete="off"
          spellCheck={false}
          placeholder="wss://rendezvous.example.org"
          onChange={(event) => setUrls(event.target.value)}
        />
        <p className="muted field__help">{t('settings.duress.urlsHelp')}</p>
      </div>
      <label className="check">
        <input
          type="checkbox"
          checked={destroy}
          onChange={(event) => setDestroy(event.target.checked)}
        />
        {t('settings.duress.destroyLabel')}
      </label>
      {message !== undefined && (
        <p className={message === 'ok' ? undefined : 'error'} role="status">
          {t(`settings.duress.message.${message}`)}
        </p>
      )}
      <div className="actions actions--start">
        <button type="submit" disabled={busy}>
          {busy ? t('settings.duress.busy') : t('settings.duress.submit')}
        </button>
      </div>
    </form>
  );
}
