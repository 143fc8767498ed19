import { useId, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { CELL_LIMITS } from '../../shared/cell/cellLimits.ts';

/** A title field and a button that adds a task to "to do". */
export function NewTaskForm({ onAdd }: { readonly onAdd: (title: string) => void }): ReactElement {
  const { t } = useTranslation();
  const id = useId();
  const [title, setTitle] = useState('');
  const trimmed = title.trim();
  return (
    <form
      className="stacked-form new-task"
      onSubmit={(event) => {
        event.preventDefault();
        if (trimmed === '') return;
        onAdd(trimmed);
        setTitle('');
      }}
    >
      <label htmlFor={id}>{t('tasks.newTitleLabel')}</label>
      <div className="stacked-form__row">
        <input
          id={id}
          type="text"
          value={title}
          maxLength={CELL_LIMITS.titleMaxChars}
          placeholder={t('tasks.newTitlePlaceholder')}
          autoComplete="off"
          onChange={(event) => setTitle(event.target.value)}
        />
        <button type="submit" disabled={trimmed === ''}>
          {t('tasks.add')}
        </button>
      </div>
    </form>
  );
}
