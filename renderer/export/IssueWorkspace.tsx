import { useId, useMemo, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { DraftEntry } from '../../shared/cell/DraftEntry.ts';
import { deleteIssue } from '../../shared/export/deleteIssue.ts';
import type { NewsletterIssue } from '../../shared/export/NewsletterIssue.ts';
import { updateIssue } from '../../shared/export/updateIssue.ts';
import { ConfirmDialog } from '../editor/ConfirmDialog.tsx';
import type { CellSession } from '../session/CellSession.ts';
import { DraftPicker } from './DraftPicker.tsx';
import { ExportDialog } from './ExportDialog.tsx';
import { formatIssueDate } from './formatIssueDate.ts';
import { IssueForm } from './IssueForm.tsx';
import { IssuePreview } from './IssuePreview.tsx';
import { ScreenBoundary } from '../ui/ScreenBoundary.tsx';
import { useExportImages } from './useExportImages.ts';
import { useIssueDrafts } from './useIssueDrafts.ts';
import { usePagination } from './usePagination.ts';
import { reviewWarnings } from '../../shared/export/reviewWarnings.ts';
import { useOpenCommentCounts } from '../drafts/useOpenCommentCounts.ts';
import { useOpenSuggestionCounts } from '../drafts/useOpenSuggestionCounts.ts';

/** One issue: its masthead, the drafts it prints in order, the page preview and the export. */
export function IssueWorkspace({
  session,
  indexDoc,
  issue,
  drafts,
  writable,
  onDeleted,
}: {
  readonly session: CellSession;
  readonly indexDoc: Y.Doc;
  readonly issue: NewsletterIssue;
  readonly drafts: readonly DraftEntry[];
  readonly writable: boolean;
  readonly onDeleted: () => void;
}): ReactElement {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [printing, setPrinting] = useState(false);
  const content = useIssueDrafts(session, issue.draftIds, drafts, t('drafts.untitled'));
  const inIssue = useMemo(
    () => drafts.filter((draft) => issue.draftIds.includes(draft.id)),
    [drafts, issue.draftIds],
  );
  const openComments = useOpenCommentCounts(session, inIssue);
  const openSuggestions = useOpenSuggestionCounts(session, inIssue);
  const review = useMemo(
    () => reviewWarnings(issue.draftIds, drafts, openComments, openSuggestions),
    [issue.draftIds, drafts, openComments, openSuggestions],
  );
  const images = useExportImages(session, content, issue.layout);
  const pagination = usePagination(issue, content, images);
  const { masthead } = issue;

  return (
    <section className="issue-workspace" aria-labelledby={headingId}>
      <header className="issue-workspace__header">
        <h2 id={headingId}>{masthead.title}</h2>
        <p className="muted">
          {[
            masthead.issueNumber === ''
              ? undefined
              : t('export.numberShort', { number: masthead.issueNumber }),
            formatIssueDate(masthead.date, i18n.language),
            t(`export.layout.${issue.layout}`),
          ]
            .filter((part) => part !== undefined)
            .join(' · ')}
        </p>
        {masthead.tagline !== '' ? (
          <p className="issue-workspace__tagline">{masthead.tagline}</p>
        ) : null}
        <div className="issue-workspace__actions">
          <button type="button" onClick={() => setExporting(true)}>
            {t('export.exportButton')}
          </button>
          {writable && !editing ? (
            <button type="button" className="button--quiet" onClick={() => setEditing(true)}>
              {t('export.editMasthead')}
            </button>
          ) : null}
          {writable ? (
            <button type="button" className="button--quiet" onClick={() => setConfirmDelete(true)}>
              {t('export.delete')}
            </button>
          ) : null}
        </div>
      </header>
      {writable && editing ? (
        <IssueForm
          legend={t('export.editMasthead')}
          submitLabel={t('export.save')}
          initial={masthead}
          initialLayout={issue.layout}
          onCancel={() => setEditing(false)}
          onSubmit={(next, layout) => {
            const updated = updateIssue(indexDoc, issue.id, { masthead: next, layout }, Date.now());
            if (updated.ok) setEditing(false);
            return updated;
          }}
        />
      ) : null}
      <DraftPicker
        issue={issue}
        drafts={drafts}
        writable={writable}
        onChange={(draftIds) => updateIssue(indexDoc, issue.id, { draftIds }, Date.now())}
      />
      <ScreenBoundary part="issue">
        <IssuePreview
          issue={issue}
          pagination={pagination}
          printing={printing}
          onPrinted={() => setPrinting(false)}
        />
      </ScreenBoundary>
      <ExportDialog
        open={exporting}
        issue={issue}
        content={content}
        review={review}
        imageDoc={(docId) => session.doc(docId)}
        onClose={() => setExporting(false)}
        onPdfSaved={() => void session.horizon?.issuePrinted()}
        onPrint={() => {
          setExporting(false);
          setPrinting(true);
        }}
      />
      <ConfirmDialog
        open={confirmDelete}
        title={t('export.deleteTitle', { title: masthead.title })}
        confirmLabel={t('export.delete')}
        cancelLabel={t('export.cancel')}
        tone="warning"
        onCancel={() => setConfirmDelete(false)}
        onConfirm={() => {
          setConfirmDelete(false);
          if (deleteIssue(indexDoc, issue.id)) onDeleted();
        }}
      >
        <p>{t('export.deleteBody')}</p>
      </ConfirmDialog>
    </section>
  );
}
