import { useId, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { CELL_LIMITS } from '../../shared/cell/cellLimits.ts';
import type { DraftEntry } from '../../shared/cell/DraftEntry.ts';

/**
 * The draft's printed headline: shown under the working title, set or cleared in place. Every
 * export prints it instead of the working title (which may name places or sources); empty, the
 * working title prints.
 */
export function PrintedHeadlineField({
  draft,
  writable,
  onChange,
}: {
  readonly draft: DraftEntry;
  readonly writable: boolean;
  readonly onChange: (headline: string) => void;
}): ReactElement {
  const { t } = useTranslation();
  const inputId = useId();
  const hintId = useId();
  const [editing, setEditing] = useState<string | null>(null);
  if (editing === null) {
    return (
      <div className="draft-header__headline">
        <p className="muted small">
          {draft.headline === ''
            ? t('drafts.headline.none')
            : t('drafts.headline.shown', { headline: draft.headline })}
        </p>
        {writable ? (
          <button
            type="button"
            className="button--quiet"
            onClick={() => setEditing(draft.headline)}
          >
            {t(draft.headline === '' ? 'drafts.headline.set' : 'drafts.headline.change')}
          </button>
        ) : null}
      </div>
    );
  }
  return (
    <form
      className="inline-form draft-header__headline"
      onSubmit={(event) => {
        event.preventDefault();
        onChange(editing);
        setEditing(null);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') setEditing(null);
      }}
    >
      <label htmlFor={inputId}>{t('drafts.headline.label')}</label>
      <input
        id={inputId}
        type="text"
        value={editing}
        maxLength={CELL_LIMITS.titleMaxChars}
        autoFocus
        autoComplete="off"
        aria-describedby={hintId}
        onChange={(event) => setEditing(event.target.value)}
      />
      <button type="submit">{t('drafts.save')}</button>
      <button type="button" className="button--quiet" onClick={() => setEditing(null)}>
        {t('drafts.cancel')}
      </button>
      <p id={hintId} className="muted small">
        {t('drafts.headline.hint')}
      </p>
    </form>
  );
}
