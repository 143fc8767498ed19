import { useEffect, useEffectEvent, type ReactElement } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { PageView } from './PageView.tsx';
import type { PageBox } from './paginate.ts';

/**
 * The browser's way to a PDF: every page of the issue in a layer of its own, which print CSS
 * (export.css) shows alone while hiding the app; then the browser's print dialog. The pages carry
 * their own margins, so the printed page has none.
 */
export function PrintIssue({
  pages,
  box,
  lang,
  onDone,
}: {
  readonly pages: readonly (readonly Element[])[];
  readonly box: PageBox;
  readonly lang: string;
  readonly onDone: () => void;
}): ReactElement {
  const { t } = useTranslation();
  const done = useEffectEvent(() => onDone());
  useEffect(() => {
    const afterPrint = (): void => done();
    window.addEventListener('afterprint', afterPrint);
    // After this render is on screen, so that the print layer is laid out. print() returns when
    // the dialog closes (some browsers never fire afterprint).
    const frame = requestAnimationFrame(() => {
      window.print();
      done();
    });
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('afterprint', afterPrint);
    };
  }, []);
  return createPortal(
    <div className="issue-print" lang={lang} data-testid="issue-print">
      <style>{`@page { size: ${box.widthMm}mm ${box.heightMm}mm; margin: 0; }`}</style>
      {pages.map((blocks, i) => (
        <PageView
          key={i}
          blocks={blocks}
          box={box}
          number={i + 1}
          label={t('export.preview.pageOf', { n: i + 1, total: pages.length })}
        />
      ))}
    </div>,
    document.body,
  );
}
