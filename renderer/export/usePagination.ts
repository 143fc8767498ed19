import { useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportDraft } from '../../shared/export/ExportDraft.ts';
import type { ExportImages } from '../../shared/export/ExportImage.ts';
import { issuePageSpec } from '../../shared/export/issuePageSpec.ts';
import type { NewsletterIssue } from '../../shared/export/NewsletterIssue.ts';
import { pickLanguage } from '../i18n/i18n.ts';
import { formatIssueDate } from './formatIssueDate.ts';
import { ISSUE_FONT_FAMILY } from './issueFonts.ts';
import { issueUnits } from './issueUnits.ts';
import { paginate, type PageBox } from './paginate.ts';

export interface Pagination {
  /** Where the paginator measures: an invisible box that carries the issue's lang and font. */
  readonly measureRef: RefObject<HTMLDivElement | null>;
  readonly box: PageBox;
  readonly lang: string;
  /** Each page's blocks; undefined until the first layout is done. */
  readonly pages: readonly (readonly Element[])[] | undefined;
}

/** Sample text in every subset, so that each face is loaded before anything is measured. */
const SAMPLE = 'Aa Яя Ґґ Її Єє';

/**
 * Lays the issue out in pages whenever its masthead, layout, language, any draft or its images
 * change. It waits for the bundled font, since measuring with a fallback font would break pages
 * in the wrong places, and for the images (undefined while they are re-encoded).
 */
export function usePagination(
  issue: NewsletterIssue,
  drafts: readonly ExportDraft[],
  images: ExportImages | undefined,
): Pagination {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const measureRef = useRef<HTMLDivElement>(null);
  const spec = issuePageSpec(issue.layout);
  const { widthMm, heightMm, marginMm, columns } = spec;
  const compact = spec.pageSize === 'A5';
  // One object per layout, so that shown pages are not redrawn on every render.
  const box: PageBox = useMemo(
    () => ({ widthMm, heightMm, marginMm, columns, compact }),
    [widthMm, heightMm, marginMm, columns, compact],
  );
  const [pages, setPages] = useState<readonly (readonly Element[])[] | undefined>(undefined);
  const dateText = formatIssueDate(issue.masthead.date, lang);
  const numberText =
    issue.masthead.issueNumber === ''
      ? undefined
      : t('export.numberShort', { number: issue.masthead.issueNumber });
  // Field by field: the issue object is re-read on every change of the cell index.
  const { title, issueNumber, date, tagline } = issue.masthead;

  useLayoutEffect(() => {
    const host = measureRef.current;
    if (!host) return;
    if (images === undefined) {
      // The pictures are being prepared: no layout that would change when they come.
      setPages(undefined);
      return;
    }
    let cancelled = false;
    const layOut = (): void => {
      if (cancelled) return;
      const masthead = { title, issueNumber, date, tagline };
      const units = issueUnits(
        document,
        masthead,
        dateText,
        numberText,
        drafts,
        pickLanguage([lang]),
        images,
      );
      setPages(paginate(host, units, box));
    };
    layOut();
    const weights = ['400', '700', 'italic 400', 'italic 700'];
    void Promise.all(
      weights.map((w) => document.fonts.load(`${w} 16px "${ISSUE_FONT_FAMILY}"`, SAMPLE)),
    )
      .catch(() => undefined)
      .then(() => layOut());
    return () => {
      cancelled = true;
    };
  }, [title, issueNumber, date, tagline, dateText, numberText, drafts, images, box, lang]);

  return { measureRef, box, lang, pages };
}
