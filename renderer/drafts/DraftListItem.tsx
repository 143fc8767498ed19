import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftEntry } from '../../shared/cell/DraftEntry.ts';
import { formatRelativeTime } from './formatRelativeTime.ts';

/**
 * One draft in the list: title, status, changed since she last looked, word count, open comments,
 * who edited it last, when.
 */
export function DraftListItem({
  draft,
  current,
  now,
  editorName,
  openComments,
  changed = false,
  onSelect,
}: {
  readonly draft: DraftEntry;
  readonly current: boolean;
  readonly now: number;
  readonly editorName: string;
  readonly openComments: number;
  /** Others changed it since this member last looked. */
  readonly changed?: boolean;
  readonly onSelect: () => void;
}): ReactElement {
  const { t, i18n } = useTranslation();
  return (
    <li>
      <button
        type="button"
        className="draft-item"
        aria-current={current ? 'true' : undefined}
        onClick={onSelect}
      >
        <span className="draft-item__title">
          {draft.title === '' ? t('drafts.untitled') : draft.title}
        </span>
        <span className="draft-item__meta">
          <span className={`status-badge status-badge--${draft.status}`}>
            {t(`drafts.status.${draft.status}`)}
          </span>
          {changed ? <span className="draft-item__changed">{t('drafts.changed')}</span> : null}
          <span>{t('drafts.words', { n: draft.words.toLocaleString(i18n.language) })}</span>
          {openComments > 0 ? (
            <span className="draft-item__comments">
              {t('drafts.openComments', { n: openComments.toLocaleString(i18n.language) })}
            </span>
          ) : null}
        </span>
        <span className="draft-item__meta">
          {t('drafts.editedBy', {
            when: formatRelativeTime(draft.updatedAt, now, i18n.language),
            who: editorName,
          })}
        </span>
      </button>
    </li>
  );
}
