import { useId, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftSummary } from '../drafts/draftSchema.ts';
import { NewDraftForm } from './NewDraftForm.tsx';

/** The cell's drafts (the selected one marked as current) and the form that adds one. */
export function DraftList({
  drafts,
  selectedId,
  onSelect,
  onCreate,
}: {
  readonly drafts: readonly DraftSummary[];
  readonly selectedId: string | null;
  readonly onSelect: (id: string) => void;
  readonly onCreate: (title: string) => void;
}): ReactElement {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <nav className="drafts" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('drafts.heading')}</h2>
      <NewDraftForm onCreate={onCreate} />
      {drafts.length === 0 ? (
        <p className="muted">{t('drafts.empty')}</p>
      ) : (
        <ul className="drafts__list">
          {drafts.map((draft) => (
            <li key={draft.id}>
              <button
                type="button"
                aria-current={draft.id === selectedId ? 'true' : undefined}
                onClick={() => onSelect(draft.id)}
              >
                {draft.title === '' ? t('drafts.untitled') : draft.title}
              </button>
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}
