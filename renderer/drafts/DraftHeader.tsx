import { useId, useState, type ReactElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CELL_LIMITS } from '../../shared/cell/cellLimits.ts';
import type { DraftEntry } from '../../shared/cell/DraftEntry.ts';
import { DRAFT_STATUSES, isDraftStatus, type DraftStatus } from '../../shared/cell/DraftStatus.ts';
import { PrintedHeadlineField } from './PrintedHeadlineField.tsx';

/** The open draft's title (renamable in place), its printed headline and its status. */
export function DraftHeader({
  draft,
  headingId,
  writable,
  onRename,
  onHeadline,
  onStatus,
  actions,
}: {
  readonly draft: DraftEntry;
  readonly headingId: string;
  readonly writable: boolean;
  readonly onRename: (title: string) => void;
  readonly onHeadline: (headline: string) => void;
  readonly onStatus: (status: DraftStatus) => void;
  /** Archive / trash / put back (DraftsScreen decides who may). */
  readonly actions?: ReactNode;
}): ReactElement {
  const { t } = useTranslation();
  const titleInputId = useId();
  const statusId = useId();
  const [renaming, setRenaming] = useState<string | null>(null);
  const title = draft.title === '' ? t('drafts.untitled') : draft.title;
  return (
    <header className="draft-header">
      {renaming === null ? (
        <div className="draft-header__title">
          <h2 id={headingId}>{title}</h2>
          {writable ? (
            <button
              type="button"
              className="button--quiet"
              onClick={() => setRenaming(draft.title)}
            >
              {t('drafts.rename')}
            </button>
          ) : null}
        </div>
      ) : (
        <form
          className="inline-form draft-header__title"
          onSubmit={(event) => {
            event.preventDefault();
            if (renaming.trim() !== '') onRename(renaming);
            setRenaming(null);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Escape') setRenaming(null);
          }}
        >
          <h2 id={headingId} className="visually-hidden">
            {title}
          </h2>
          <label htmlFor={titleInputId}>{t('drafts.renameLabel')}</label>
          <input
            id={titleInputId}
            type="text"
            value={renaming}
            maxLength={CELL_LIMITS.titleMaxChars}
            autoFocus
            autoComplete="off"
            onChange={(event) => setRenaming(event.target.value)}
          />
          <button type="submit" disabled={renaming.trim() === ''}>
            {t('drafts.save')}
          </button>
          <button type="button" className="button--quiet" onClick={() => setRenaming(null)}>
            {t('drafts.cancel')}
          </button>
        </form>
      )}
      <PrintedHeadlineField draft={draft} writable={writable} onChange={onHeadline} />
      <div className="draft-header__status">
        <label htmlFor={statusId}>{t('drafts.status.label')}</label>
        <select
          id={statusId}
          value={draft.status}
          disabled={!writable}
          onChange={(event) => {
            if (isDraftStatus(event.target.value)) onStatus(event.target.value);
          }}
        >
          {DRAFT_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`drafts.status.${status}`)}
            </option>
          ))}
        </select>
      </div>
      {actions}
    </header>
  );
}
