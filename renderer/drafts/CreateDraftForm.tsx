import { useId, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { CELL_LIMITS } from '../../shared/cell/cellLimits.ts';

/** A title field and a button that starts a new draft with that title. */
export function CreateDraftForm({
  onCreate,
}: {
  readonly onCreate: (title: string) => void;
}): ReactElement {
  const { t } = useTranslation();
  const id = useId();
  const [title, setTitle] = useState('');
  const trimmed = title.trim();
  return (
    <form
      className="stacked-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (trimmed === '') return;
        onCreate(trimmed);
        setTitle('');
      }}
    >
      <label htmlFor={id}>{t('drafts.newTitleLabel')}</label>
      <div className="stacked-form__row">
        <input
          id={id}
          type="text"
          value={title}
          maxLength={CELL_LIMITS.titleMaxChars}
          placeholder={t('drafts.newTitlePlaceholder')}
          autoComplete="off"
          onChange={(event) => setTitle(event.target.value)}
        />
        <button type="submit" disabled={trimmed === ''}>
          {t('drafts.create')}
        </button>
      </div>
    </form>
  );
}
