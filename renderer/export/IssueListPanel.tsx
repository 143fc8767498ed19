import { useId, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { IssueError } from '../../shared/export/IssueError.ts';
import type { IssueLayout } from '../../shared/export/IssueLayout.ts';
import type { Masthead, NewsletterIssue } from '../../shared/export/NewsletterIssue.ts';
import type { Result } from '../../shared/util/result.ts';
import type { CellSession } from '../session/CellSession.ts';
import { ImportMarkdown } from './ImportMarkdown.tsx';
import { IssueForm } from './IssueForm.tsx';
import { formatIssueDate } from './formatIssueDate.ts';

/** The cell's issues, newest first, the form that starts one, and the Markdown import. */
export function IssueListPanel({
  session,
  indexDoc,
  issues,
  selectedId,
  writable,
  removed = false,
  onSelect,
  onCreate,
}: {
  readonly session: CellSession;
  readonly indexDoc: Y.Doc;
  readonly issues: readonly NewsletterIssue[];
  readonly selectedId: string | null;
  readonly writable: boolean;
  /** Removed from the cell: the banner explains, so no reader note. */
  readonly removed?: boolean;
  readonly onSelect: (id: string) => void;
  readonly onCreate: (masthead: Masthead, layout: IssueLayout) => Result<string, IssueError>;
}): ReactElement {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const [creating, setCreating] = useState(false);
  return (
    <nav className="issue-list" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('export.heading')}</h2>
      {!writable && !removed ? <p className="muted small">{t('export.readerNote')}</p> : null}
      {writable && !creating ? (
        <button type="button" onClick={() => setCreating(true)}>
          {t('export.newIssue')}
        </button>
      ) : null}
      {writable && creating ? (
        <IssueForm
          legend={t('export.newIssue')}
          submitLabel={t('export.create')}
          onCancel={() => setCreating(false)}
          onSubmit={(masthead, layout) => {
            const created = onCreate(masthead, layout);
            if (created.ok) setCreating(false);
            return created;
          }}
        />
      ) : null}
      {issues.length === 0 ? (
        <div className="empty-state">
          <p>{t('export.emptyTitle')}</p>
          <p className="muted">{t(writable ? 'export.emptyHint' : 'export.emptyHintReader')}</p>
        </div>
      ) : (
        <ul className="issue-list__items">
          {issues.map((issue) => (
            <li key={issue.id}>
              <button
                type="button"
                className="issue-list__item"
                aria-current={issue.id === selectedId ? 'true' : undefined}
                onClick={() => onSelect(issue.id)}
              >
                <span className="issue-list__title">{issue.masthead.title}</span>
                <span className="muted small">
                  {[
                    issue.masthead.issueNumber === ''
                      ? undefined
                      : t('export.numberShort', { number: issue.masthead.issueNumber }),
                    formatIssueDate(issue.masthead.date, i18n.language),
                    t(`export.layout.${issue.layout}`),
                  ]
                    .filter((part) => part !== undefined)
                    .join(' · ')}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {writable ? <ImportMarkdown session={session} indexDoc={indexDoc} /> : null}
    </nav>
  );
}
