import { useId, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { CellReaderCommentsSettings } from '../session/CellSession.ts';

/**
 * Readers comment or only read: a cell-level choice for coordinators (issue 17). Turning it off
 * stops readers' comments from the next key change on; earlier ones stay. A coordinator may
 * change the key at once.
 */
export function CellReaderCommentsForm({
  settings,
}: {
  readonly settings: CellReaderCommentsSettings;
}): ReactElement {
  const { t } = useTranslation();
  const id = useId();
  const [view, setView] = useState(() => settings.get());
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const choose = (on: boolean): void => {
    const ok = settings.set(on);
    setView(settings.get());
    setMessage(
      ok
        ? t(on ? 'settings.cell.readerComments.savedOn' : 'settings.cell.readerComments.savedOff')
        : '',
    );
  };
  const rotate = async (): Promise<void> => {
    setBusy(true);
    setMessage(t('settings.cell.readerComments.rotating'));
    await settings.rotateNow();
    setBusy(false);
    setView(settings.get());
    setMessage(t('settings.cell.readerComments.rotated'));
  };
  return (
    <section className="panel stack" aria-labelledby={`${id}-h`} data-slot="cell-reader-comments">
      <h3 id={`${id}-h`}>{t('settings.cell.readerComments.heading')}</h3>
      <div className="field">
        <label>
          <input
            type="checkbox"
            checked={view.on}
            disabled={!view.editable}
            aria-describedby={`${id}-help`}
            onChange={(e) => choose(e.target.checked)}
          />{' '}
          {t('settings.cell.readerComments.label')}
        </label>
      </div>
      <p id={`${id}-help`} className="muted">
        {view.tampered && <>{t('settings.cell.readerComments.tampered')} </>}
        {t('settings.cell.readerComments.help')}{' '}
        {!view.editable && t('settings.cell.readerComments.coordinatorsOnly')}
      </p>
      {!view.on && view.allowedNow && (
        <p className="muted" data-note="reader-comments-until-rotation">
          {t('settings.cell.readerComments.untilRotation')}
        </p>
      )}
      {view.editable && !view.on && view.allowedNow && (
        <button type="button" disabled={busy} onClick={() => void rotate()}>
          {t('settings.cell.readerComments.rotateNow')}
        </button>
      )}
      <p role="status">{message}</p>
    </section>
  );
}
