import { useId, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The export dialog's warning about colour printers' tracking dots, and the black-only PDF
 * option where the app makes the PDF (in a browser, the browser's print dialog has its own).
 * It says what the option does not do: the printer adds the dots whatever it prints.
 */
export function PrintSafety({
  appMakesPdf,
  blackOnly,
  onBlackOnly,
}: {
  readonly appMakesPdf: boolean;
  readonly blackOnly: boolean;
  readonly onBlackOnly: (blackOnly: boolean) => void;
}): ReactElement {
  const { t } = useTranslation();
  const headingId = useId();
  const hintId = useId();
  return (
    <section className="export-dialog__safety" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('export.dialog.safety.heading')}</h3>
      <p>{t('export.dialog.safety.dots')}</p>
      <p>{t('export.dialog.safety.mitigate')}</p>
      {appMakesPdf ? (
        <>
          <label className="export-dialog__check">
            <input
              type="checkbox"
              checked={blackOnly}
              aria-describedby={hintId}
              onChange={(event) => onBlackOnly(event.target.checked)}
            />
            {t('export.dialog.safety.blackOnly')}
          </label>
          <p id={hintId} className="muted small">
            {t('export.dialog.safety.blackOnlyHint')}
          </p>
        </>
      ) : (
        <p className="muted small">{t('export.dialog.safety.browserBlack')}</p>
      )}
    </section>
  );
}
