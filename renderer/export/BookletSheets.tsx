import { useId, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { bookletOrder } from '../../shared/export/bookletOrder.ts';
import { PageView } from './PageView.tsx';
import type { PageBox } from './paginate.ts';

const THUMB_SCALE = 0.3;

/**
 * How a booklet's pages land on paper: each A4 sheet, front and back, with the two A5 pages on
 * each side (blank where the page count is not a multiple of four). Print both sides, fold, staple.
 */
export function BookletSheets({
  pages,
  box,
  lang,
}: {
  readonly pages: readonly (readonly Element[])[];
  readonly box: PageBox;
  readonly lang: string;
}): ReactElement {
  const { t } = useTranslation();
  const headingId = useId();
  const { sheets } = bookletOrder(pages.length);
  const slot = (page: number | null): ReactElement => {
    const blocks = page === null ? undefined : pages[page];
    if (page === null || !blocks) {
      return (
        <div
          className="issue-thumb issue-thumb--blank"
          style={{
            width: `${box.widthMm * THUMB_SCALE}mm`,
            height: `${box.heightMm * THUMB_SCALE}mm`,
          }}
        >
          <span className="muted small">{t('export.sheets.blank')}</span>
        </div>
      );
    }
    const label = t('export.sheets.page', { n: page + 1 });
    return (
      <figure className="issue-sheets__slot">
        <PageView blocks={blocks} box={box} label={label} number={page + 1} scale={THUMB_SCALE} />
        <figcaption className="muted small">{label}</figcaption>
      </figure>
    );
  };
  return (
    <section className="issue-sheets" aria-labelledby={headingId} lang={lang}>
      <h4 id={headingId}>{t('export.sheets.heading', { n: sheets.length })}</h4>
      <p className="muted small">{t('export.sheets.hint')}</p>
      <ol className="issue-sheets__list">
        {sheets.map((sheet, i) => (
          <li key={i} className="issue-sheets__sheet">
            {(['front', 'back'] as const).map((side) => (
              <div key={side} className="issue-sheets__side">
                <p className="small">{t(`export.sheets.${side}`, { n: i + 1 })}</p>
                <div className="issue-sheets__pair">
                  {slot(sheet[side][0])}
                  {slot(sheet[side][1])}
                </div>
              </div>
            ))}
          </li>
        ))}
      </ol>
    </section>
  );
}
