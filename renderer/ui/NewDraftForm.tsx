import { useId, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { TITLE_MAX_LENGTH } from '../drafts/draftSchema.ts';

/** A title field and a button that creates a draft with that title. */
export function NewDraftForm({
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
      className="new-draft"
      onSubmit={(event) => {
        event.preventDefault();
        if (trimmed === '') return;
        onCreate(trimmed);
        setTitle('');
      }}
    >
      <label htmlFor={id}>{t('drafts.newTitleLabel')}</label>
      <input
        id={id}
        type="text"
        value={title}
        maxLength={TITLE_MAX_LENGTH}
        placeholder={t('drafts.newTitlePlaceholder')}
        autoComplete="off"
        onChange={(event) => setTitle(event.target.value)}
      />
      <button type="submit" disabled={trimmed === ''}>
        {t('drafts.create')}
      </button>
    </form>
  );
}
