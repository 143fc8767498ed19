import { useId, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { HORIZON_DAY_CHOICES } from '../../shared/cell/readHorizonPolicy.ts';
import type { CellHorizonSettings } from '../session/CellSession.ts';

/**
 * The cell's history horizon: how long the past is kept before every device forgets it (a number
 * of days, or until the next issue is printed). Coordinators choose it and may rotate now.
 */
export function CellHorizonForm({
  horizon,
}: {
  readonly horizon: CellHorizonSettings;
}): ReactElement {
  const { t } = useTranslation();
  const id = useId();
  const [view, setView] = useState(() => horizon.get());
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const value = 'days' in view.setting ? String(view.setting.days) : 'issue';
  const choose = (next: string): void => {
    const ok = horizon.set(next === 'issue' ? 'issue' : Number(next));
    setView(horizon.get());
    setMessage(ok ? t('settings.cell.horizon.saved') : '');
  };
  const rotate = async (): Promise<void> => {
    setBusy(true);
    setMessage(t('settings.cell.horizon.rotating'));
    await horizon.rotateNow();
    setBusy(false);
    setView(horizon.get());
    setMessage(t('settings.cell.horizon.rotated'));
  };
  return (
    <section className="panel stack" aria-labelledby={`${id}-h`} data-slot="cell-horizon">
      <h3 id={`${id}-h`}>{t('settings.cell.horizon.heading')}</h3>
      <div className="field">
        <label htmlFor={`${id}-keep`}>{t('settings.cell.horizon.label')}</label>
        <select
          id={`${id}-keep`}
          value={value}
          disabled={!view.editable}
          aria-describedby={`${id}-help`}
          onChange={(e) => choose(e.target.value)}
        >
          {HORIZON_DAY_CHOICES.map((days) => (
            <option key={days} value={String(days)}>
              {t('settings.cell.horizon.days', { count: days })}
            </option>
          ))}
          <option value="issue">{t('settings.cell.horizon.issue')}</option>
        </select>
      </div>
      <p id={`${id}-help`} className="muted">
        {view.tampered && <>{t('settings.cell.horizon.tampered')} </>}
        {t('settings.cell.horizon.help')}{' '}
        {!view.editable && t('settings.cell.horizon.coordinatorsOnly')}
      </p>
      {view.waiting > 0 && (
        <p className="muted">{t('settings.cell.horizon.waiting', { count: view.waiting })}</p>
      )}
      {view.editable && (
        <button type="button" disabled={busy} onClick={() => void rotate()}>
          {t('settings.cell.horizon.rotateNow')}
        </button>
      )}
      <p role="status">{message}</p>
    </section>
  );
}
