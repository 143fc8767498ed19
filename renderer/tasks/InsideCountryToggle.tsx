import { useId, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';

/** The member's own "I am inside the country" mark; nobody can set it for someone else. */
export function InsideCountryToggle({
  inside,
  onChange,
}: {
  readonly inside: boolean;
  readonly onChange: (inside: boolean) => void;
}): ReactElement {
  const { t } = useTranslation();
  const id = useId();
  const hintId = useId();
  return (
    <div className="check-field">
      <input
        id={id}
        type="checkbox"
        checked={inside}
        aria-describedby={hintId}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label htmlFor={id}>{t('tasks.inside.label')}</label>
      <p id={hintId} className="check-field__hint muted">
        {t('tasks.inside.hint')}
      </p>
    </div>
  );
}
