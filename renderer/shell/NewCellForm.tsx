import { useId, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { PSEUDONYM_MAX_CHARS, validatePseudonym } from '../../shared/identity/validatePseudonym.ts';
import { MAX_CELL_NAME_BYTES } from '../../shared/roster/RosterOp.ts';
import type { AppSession } from '../session/AppSession.ts';
import { parseRendezvousUrls } from './parseRendezvousUrls.ts';

type FieldError = 'name' | 'pseudonym' | 'urls' | 'failed';

const utf8Length = (text: string): number => new TextEncoder().encode(text).length;

/**
 * Create a cell: its name, the pseudonym you will use in it (a fresh identity, so your cells
 * cannot be linked), and its rendezvous servers (required: there is no public default).
 */
export function NewCellForm({
  session,
  signalUrls,
  onCreated,
}: {
  readonly session: AppSession;
  readonly signalUrls: readonly string[];
  readonly onCreated: (cellIdHex: string) => void;
}): ReactElement {
  const { t } = useTranslation();
  const ids = {
    name: useId(),
    pseudonym: useId(),
    urls: useId(),
    urlsHelp: useId(),
    error: useId(),
  };
  const [name, setName] = useState('');
  const [pseudonym, setPseudonym] = useState('');
  const [urls, setUrls] = useState(() => signalUrls.join('\n'));
  const [error, setError] = useState<{ field: FieldError; detail?: string } | undefined>();
  const [busy, setBusy] = useState(false);

  const invalid = (field: FieldError): true | undefined =>
    error?.field === field ? true : undefined;
  const describedBy = (field: FieldError): string | undefined =>
    error?.field === field ? ids.error : undefined;

  return (
    <form
      className="panel stack form-narrow"
      autoComplete="off"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (busy) return;
        const trimmed = name.normalize('NFC').trim();
        if (trimmed === '' || utf8Length(trimmed) > MAX_CELL_NAME_BYTES)
          return setError({ field: 'name' });
        const who = validatePseudonym(pseudonym);
        if (!who.ok) return setError({ field: 'pseudonym' });
        const parsed = parseRendezvousUrls(urls);
        if (!parsed.ok)
          return setError({
            field: 'urls',
            ...(parsed.error === 'invalid' ? { detail: parsed.line } : {}),
          });
        setError(undefined);
        setBusy(true);
        void session
          .createCell({ name: trimmed, pseudonym: who.value, signaling: parsed.urls })
          .then(
            (created) => {
              setBusy(false);
              if (created.ok) return onCreated(created.value);
              setError({
                field:
                  created.error === 'invalid_name'
                    ? 'name'
                    : created.error === 'invalid_pseudonym'
                      ? 'pseudonym'
                      : 'urls',
              });
            },
            () => {
              setBusy(false);
              setError({ field: 'failed' });
            },
          );
      }}
    >
      <h1>{t('shell.newCell.heading')}</h1>
      <p>{t('shell.newCell.intro')}</p>
      <div className="field">
        <label htmlFor={ids.name}>{t('shell.newCell.nameLabel')}</label>
        <input
          id={ids.name}
          type="text"
          value={name}
          maxLength={MAX_CELL_NAME_BYTES}
          autoComplete="off"
          spellCheck={false}
          required
          aria-invalid={invalid('name')}
          aria-describedby={describedBy('name')}
          onChange={(event) => setName(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={ids.pseudonym}>{t('shell.newCell.pseudonymLabel')}</label>
        <input
          id={ids.pseudonym}
          type="text"
          value={pseudonym}
          maxLength={PSEUDONYM_MAX_CHARS * 2}
          autoComplete="off"
          spellCheck={false}
          required
          aria-invalid={invalid('pseudonym')}
          aria-describedby={describedBy('pseudonym')}
          onChange={(event) => setPseudonym(event.target.value)}
        />
        <p className="muted field__help">{t('shell.newCell.pseudonymHelp')}</p>
      </div>
      <div className="field">
        <label htmlFor={ids.urls}>{t('shell.newCell.urlsLabel')}</label>
        <textarea
          id={ids.urls}
          value={urls}
          rows={3}
          autoComplete="off"
          spellCheck={false}
          required
          placeholder="wss://rendezvous.example.org"
          aria-invalid={invalid('urls')}
          aria-describedby={[ids.urlsHelp, describedBy('urls')].filter(Boolean).join(' ')}
          onChange={(event) => setUrls(event.target.value)}
        />
        <p className="muted field__help" id={ids.urlsHelp}>
          {t('shell.newCell.urlsHelp')}
        </p>
      </div>
      {error !== undefined && (
        <p className="error" role="alert" id={ids.error}>
          {error.field === 'urls' && error.detail !== undefined
            ? t('shell.newCell.error.badUrl', { url: error.detail })
            : t(`shell.newCell.error.${error.field}`)}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? t('shell.newCell.creating') : t('shell.newCell.submit')}
        </button>
      </div>
    </form>
  );
}
