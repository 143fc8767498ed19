import { useEffect, useId, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { ExportDraft } from '../../shared/export/ExportDraft.ts';
import { issueMarkdown } from '../../shared/export/issueMarkdown.ts';
import type { NewsletterIssue } from '../../shared/export/NewsletterIssue.ts';
import type { ReviewWarning } from '../../shared/export/reviewWarnings.ts';
import { renderIssueHtml } from '../../shared/export/renderIssueHtml.ts';
import { ModalDialog } from '../editor/ModalDialog.tsx';
import { pickLanguage } from '../i18n/i18n.ts';
import { safeFileName } from '../../shared/platform/safeFileName.ts';
import { getPlatform } from '../platform/getPlatform.ts';
import { issueFileName } from './issueFileName.ts';
import { embeddedFontCss } from './embeddedFontCss.ts';
import { exportImages, issueImageIds } from './exportImages.ts';
import { exportIssuePdf } from './exportIssuePdf.ts';
import { ExportReviewWarning } from './ExportReviewWarning.tsx';
import { PrintSafety } from './PrintSafety.tsx';

type Format = 'pdf' | 'html' | 'markdown';
type Outcome = { readonly kind: 'saved' | 'error'; readonly text: string };

const REMOVED = [
  'author',
  'cell',
  'app',
  'times',
  'pdfMetadata',
  'images',
  'links',
  'history',
] as const;

/**
 * Export of one issue as PDF, HTML or Markdown. It says plainly what the files leave out. PDF is
 * made by the app where the host can (Electron); in a browser the browser's own print makes it,
 * and the dialog says what that cannot promise.
 */
export function ExportDialog({
  open,
  issue,
  content,
  review = [],
  imageDoc,
  onClose,
  onPrint,
  onPdfSaved,
}: {
  readonly open: boolean;
  readonly issue: NewsletterIssue;
  readonly content: readonly ExportDraft[];
  /** Drafts not marked ready, or with open comments: said first, and confirmed before exporting. */
  readonly review?: readonly ReviewWarning[];
  /** The cell's image documents: each image is re-encoded from them at export (exportImages). */
  readonly imageDoc: (docId: Uint8Array) => Y.Doc;
  readonly onClose: () => void;
  readonly onPrint: () => void;
  /** A PDF of the issue was saved: the issue is printed (a history horizon may end here). */
  readonly onPdfSaved?: () => void;
}): ReactElement {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const bodyId = useId();
  const platform = getPlatform();
  const [busy, setBusy] = useState<Format | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [blackOnly, setBlackOnly] = useState(false);
  const [anyway, setAnyway] = useState(false);
  const held = review.length > 0 && !anyway;
  // Each export is confirmed anew: a tick from an earlier one does not carry over.
  useEffect(() => {
    if (open) setAnyway(false);
  }, [open]);
  const lang = pickLanguage([i18n.language]);

  /** The HTML, and how many images are printed as their alt text (no valid pixels arrived). */
  const html = async (): Promise<{ text: string; missing: number } | undefined> => {
    const fontCss = await embeddedFontCss();
    if (!fontCss.ok) return undefined;
    const ids = issueImageIds(content);
    const images = await exportImages(imageDoc, ids, issue.layout);
    const text = renderIssueHtml({
      issue,
      drafts: [...content],
      lang,
      fontCss: fontCss.value,
      images,
    });
    return { text, missing: ids.length - images.size };
  };
  /** Through the platform: Electron's save dialog, or the browser's download. */
  const save = async (
    name: string,
    kind: Format,
    data: Uint8Array,
    missingImages = 0,
  ): Promise<void> => {
    const saved = await platform.saveFile(name, kind, data);
    if (kind === 'pdf' && saved.ok && saved.value.saved) onPdfSaved?.();
    if (!saved.ok) setOutcome({ kind: 'error', text: t('export.dialog.saveFailed') });
    else if (!saved.value.saved) setOutcome({ kind: 'error', text: t('export.dialog.notSaved') });
    // Electron's dialog lets the user rename the file, so only the browser knows the name.
    else {
      const saved =
        platform.kind === 'electron'
          ? t('export.dialog.savedChosen')
          : t('export.dialog.saved', { name: safeFileName(name, kind) });
      const missing =
        missingImages > 0 ? ` ${t('export.dialog.imagesMissing', { count: missingImages })}` : '';
      setOutcome({ kind: 'saved', text: saved + missing });
    }
  };
  const run = async (format: Format): Promise<void> => {
    setBusy(format);
    setOutcome(null);
    try {
      if (format === 'markdown') {
        const markdown = new TextEncoder().encode(issueMarkdown(issue, [...content]));
        await save(issueFileName(issue.masthead, 'md'), 'markdown', markdown);
        return;
      }
      const issueHtml = await html();
      if (issueHtml === undefined) {
        setOutcome({ kind: 'error', text: t('export.dialog.fontFailed') });
        return;
      }
      if (format === 'html') {
        await save(
          issueFileName(issue.masthead, 'html'),
          'html',
          new TextEncoder().encode(issueHtml.text),
          issueHtml.missing,
        );
        return;
      }
      const pdf = await exportIssuePdf(platform, issue, issueHtml.text, { blackOnly });
      if (!pdf.ok) {
        setOutcome({ kind: 'error', text: t(`export.dialog.pdfError.${pdf.error}`) });
        return;
      }
      await save(issueFileName(issue.masthead, 'pdf'), 'pdf', pdf.value, issueHtml.missing);
    } finally {
      setBusy(null);
    }
  };

  return (
    <ModalDialog
      open={open}
      labelledBy={titleId}
      describedBy={bodyId}
      onClose={onClose}
      className="export-dialog"
    >
      <h2 id={titleId}>{t('export.dialog.title', { title: issue.masthead.title })}</h2>
      <div id={bodyId}>
        <p>{t('export.dialog.contains')}</p>
        <p>{t('export.dialog.removedIntro')}</p>
        <ul className="export-dialog__removed">
          {REMOVED.map((key) => (
            <li key={key}>{t(`export.dialog.removed.${key}`)}</li>
          ))}
        </ul>
      </div>
      <ExportReviewWarning
        warnings={review}
        confirmed={anyway}
        onConfirmed={setAnyway}
        untitled={t('drafts.untitled')}
      />
      <PrintSafety
        appMakesPdf={platform.kind === 'electron'}
        blackOnly={blackOnly}
        onBlackOnly={setBlackOnly}
      />
      <section className="export-dialog__format" aria-label={t('export.dialog.pdf')}>
        <h3>{t('export.dialog.pdf')}</h3>
        {platform.kind === 'electron' ? (
          <>
            <p className="muted small">
              {t(
                issue.layout === 'a5-booklet'
                  ? 'export.dialog.pdfBooklet'
                  : 'export.dialog.pdfHint',
              )}
            </p>
            <button type="button" disabled={busy !== null || held} onClick={() => void run('pdf')}>
              {t('export.dialog.savePdf')}
            </button>
          </>
        ) : (
          <>
            <p className="muted small">{t('export.dialog.browserPrint')}</p>
            {issue.layout === 'a5-booklet' ? (
              <p className="muted small">{t('export.dialog.browserBooklet')}</p>
            ) : null}
            <button type="button" disabled={busy !== null || held} onClick={onPrint}>
              {t('export.dialog.print')}
            </button>
          </>
        )}
      </section>
      <section className="export-dialog__format" aria-label={t('export.dialog.html')}>
        <h3>{t('export.dialog.html')}</h3>
        <p className="muted small">{t('export.dialog.htmlHint')}</p>
        <button type="button" disabled={busy !== null || held} onClick={() => void run('html')}>
          {t('export.dialog.saveHtml')}
        </button>
      </section>
      <section className="export-dialog__format" aria-label={t('export.dialog.markdown')}>
        <h3>{t('export.dialog.markdown')}</h3>
        <p className="muted small">{t('export.dialog.markdownHint')}</p>
        <button type="button" disabled={busy !== null || held} onClick={() => void run('markdown')}>
          {t('export.dialog.saveMarkdown')}
        </button>
      </section>
      <p role="status" className={outcome?.kind === 'error' ? 'error' : 'muted'}>
        {busy !== null ? t('export.dialog.working') : (outcome?.text ?? '')}
      </p>
      <div className="modal__actions">
        <button type="button" className="button--quiet" onClick={onClose}>
          {t('export.dialog.close')}
        </button>
      </div>
    </ModalDialog>
  );
}
