import { useId, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { CELL_LIMITS } from '../../shared/cell/cellLimits.ts';
import { saveVersion } from '../../shared/cell/saveVersion.ts';

/** A name field and a button that saves the draft's current body as a named version. */
export function SaveVersionForm({
  draftDoc,
  me,
  onSaved,
}: {
  readonly draftDoc: Y.Doc;
  readonly me: string;
  readonly onSaved: (name: string) => void;
}): ReactElement {
  const { t } = useTranslation();
  const id = useId();
  const errorId = useId();
  const [name, setName] = useState('');
  const [failed, setFailed] = useState(false);
  const trimmed = name.trim();
  return (
    <form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (trimmed === '') return;
        const result = saveVersion(draftDoc, trimmed, me);
        setFailed(!result.ok);
        if (!result.ok) return;
        onSaved(trimmed);
        setName('');
      }}
    >
      <label htmlFor={id}>{t('editor.versions.nameLabel')}</label>
      <input
        id={id}
        type="text"
        value={name}
        maxLength={CELL_LIMITS.versionNameMaxChars}
        placeholder={t('editor.versions.namePlaceholder')}
        autoComplete="off"
        aria-describedby={failed ? errorId : undefined}
        onChange={(event) => setName(event.target.value)}
      />
      <button type="submit" disabled={trimmed === ''}>
        {t('editor.versions.save')}
      </button>
      {failed ? (
        <p id={errorId} className="form-error" role="alert">
          {t('editor.versions.saveFailed')}
        </p>
      ) : null}
    </form>
  );
}
