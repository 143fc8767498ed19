import { useId, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewWarning } from '../../shared/export/reviewWarnings.ts';

/**
 * Before an export: the drafts that are not marked ready, or still have open comments or
 * suggestions (printed without the suggested insertions, with the suggested deletions),
 * and a box to tick to export anyway. Nothing is exported from here; the dialog's buttons wait
 * for the box while there is anything to say.
 */
export function ExportReviewWarning({
  warnings,
  confirmed,
  onConfirmed,
  untitled,
}: {
  readonly warnings: readonly ReviewWarning[];
  readonly confirmed: boolean;
  readonly onConfirmed: (confirmed: boolean) => void;
  readonly untitled: string;
}): ReactElement | null {
  const { t } = useTranslation();
  const headingId = useId();
  if (warnings.length === 0) return null;
  return (
    <section className="export-dialog__review" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('export.dialog.review.heading')}</h3>
      <ul>
        {warnings.map((w) => (
          <li key={w.draftId}>
            {t('export.dialog.review.draft', { title: w.title === '' ? untitled : w.title })}{' '}
            {[
              w.notReady
                ? t('export.dialog.review.status', { status: t(`drafts.status.${w.status}`) })
                : undefined,
              w.openComments > 0
                ? t('export.dialog.review.comments', { n: w.openComments })
                : undefined,
              w.openSuggestions > 0
                ? t('export.dialog.review.suggestions', { n: w.openSuggestions })
                : undefined,
            ]
              .filter((part) => part !== undefined)
              .join('; ')}
          </li>
        ))}
      </ul>
      <label className="export-dialog__check">
        <input
          type="checkbox"
          checked={confirmed}
          onChange={(event) => onConfirmed(event.target.checked)}
        />
        {t('export.dialog.review.anyway')}
      </label>
    </section>
  );
}
