import { useId, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { NewsletterIssue } from '../../shared/export/NewsletterIssue.ts';
import { BookletSheets } from './BookletSheets.tsx';
import { PageView } from './PageView.tsx';
import { PrintIssue } from './PrintIssue.tsx';
import { useFitScale } from './useFitScale.ts';
import type { Pagination } from './usePagination.ts';

/**
 * The issue as it will print, one page at a time (Page N of M), and for a booklet the sheets
 * the pages are imposed on. While `printing`, every page is also rendered for the browser's print.
 */
export function IssuePreview({
  issue,
  pagination,
  printing,
  onPrinted,
}: {
  readonly issue: NewsletterIssue;
  readonly pagination: Pagination;
  readonly printing: boolean;
  readonly onPrinted: () => void;
}): ReactElement {
  const { t } = useTranslation();
  const headingId = useId();
  const [wanted, setWanted] = useState(0);
  const { pages, box, lang, measureRef } = pagination;
  const count = pages?.length ?? 0;
  const index = Math.min(wanted, Math.max(count - 1, 0));
  const blocks = pages?.[index];
  const stageRef = useRef<HTMLDivElement>(null);
  const scale = useFitScale(stageRef, box.widthMm);
  const pageLabel = (n: number): string => t('export.preview.pageOf', { n: n + 1, total: count });

  return (
    <section className="issue-preview" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('export.preview.heading')}</h3>
      {issue.draftIds.length === 0 ? <p className="muted">{t('export.preview.noDrafts')}</p> : null}
      <div className="issue-preview__nav">
        <button
          type="button"
          className="button--quiet"
          disabled={index <= 0}
          onClick={() => setWanted(index - 1)}
        >
          {t('export.preview.previous')}
        </button>
        <p role="status" aria-live="polite">
          {pages === undefined ? t('export.preview.laying') : pageLabel(index)}
        </p>
        <button
          type="button"
          className="button--quiet"
          disabled={index >= count - 1}
          onClick={() => setWanted(index + 1)}
        >
          {t('export.preview.next')}
        </button>
      </div>
      {/* Focusable: the page may be wider than the screen and scroll (keyboard users too). */}
      <div
        ref={stageRef}
        className="issue-preview__stage"
        lang={lang}
        role="region"
        aria-label={blocks ? pageLabel(index) : t('export.preview.laying')}
        tabIndex={0}
      >
        {blocks ? (
          <PageView
            blocks={blocks}
            box={box}
            label={pageLabel(index)}
            number={index + 1}
            scale={scale}
          />
        ) : null}
      </div>
      {issue.layout === 'a5-booklet' && pages ? (
        <BookletSheets pages={pages} box={box} lang={lang} />
      ) : null}
      {/* The paginator measures here: same classes, lang and font as the shown pages. */}
      <div ref={measureRef} className="issue-measure" lang={lang} aria-hidden="true" />
      {printing && pages ? (
        <PrintIssue pages={pages} box={box} lang={lang} onDone={onPrinted} />
      ) : null}
    </section>
  );
}
