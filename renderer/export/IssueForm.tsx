import { useId, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { IssueError } from '../../shared/export/IssueError.ts';
import { ISSUE_LAYOUTS, type IssueLayout } from '../../shared/export/IssueLayout.ts';
import { ISSUE_LIMITS } from '../../shared/export/issueLimits.ts';
import type { Masthead } from '../../shared/export/NewsletterIssue.ts';
import type { Result } from '../../shared/util/result.ts';

const LINE_FIELDS = ['title', 'issueNumber', 'tagline'] as const;

const EMPTY: Masthead = { title: '', issueNumber: '', date: '', tagline: '' };

/**
 * The masthead (title, number, date, tagline) and the layout of an issue, for a new issue or to
 * change one. The date is whatever the user picks: it is the only date the exports will carry.
 */
export function IssueForm({
  legend,
  submitLabel,
  initial,
  initialLayout = 'a4-two-column',
  onSubmit,
  onCancel,
}: {
  readonly legend: string;
  readonly submitLabel: string;
  readonly initial?: Masthead;
  readonly initialLayout?: IssueLayout;
  readonly onSubmit: (masthead: Masthead, layout: IssueLayout) => Result<unknown, IssueError>;
  readonly onCancel: () => void;
}): ReactElement {
  const { t } = useTranslation();
  const id = useId();
  const [masthead, setMasthead] = useState<Masthead>(initial ?? EMPTY);
  const [layout, setLayout] = useState<IssueLayout>(initialLayout);
  const [error, setError] = useState<{ text: string; field?: keyof Masthead } | null>(null);
  const errorId = `${id}-error`;
  const field = (key: keyof Masthead) => ({
    id: `${id}-${key}`,
    value: masthead[key],
    'aria-invalid': error?.field === key ? true : undefined,
    onChange: (event: { target: { value: string } }) =>
      setMasthead((m) => ({ ...m, [key]: event.target.value })),
  });
  const describedBy = (key: keyof Masthead, ...others: string[]): string | undefined =>
    [...others, ...(error?.field === key ? [errorId] : [])].join(' ') || undefined;
  return (
    <form
      className="issue-form"
      aria-label={legend}
      // Checked here and by createIssue/updateIssue, reported below in the app's words like every
      // other form: never the browser's own validation bubble (in its language, not the app's).
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const result = onSubmit(masthead, layout);
        if (result.ok) {
          setError(null);
          return;
        }
        const tooLong = LINE_FIELDS.find((name) => name === result.detail) ?? 'title';
        const invalid: keyof Masthead | undefined =
          result.error === 'too-long'
            ? tooLong
            : result.error === 'empty-title'
              ? 'title'
              : result.error === 'invalid-date'
                ? 'date'
                : undefined;
        setError({
          text:
            result.error === 'too-long'
              ? t('export.error.too-long', { field: t(`export.field.${tooLong}`) })
              : t(`export.error.${result.error}`),
          ...(invalid ? { field: invalid } : {}),
        });
        if (invalid)
          event.currentTarget
            .querySelector<HTMLElement>(`#${CSS.escape(`${id}-${invalid}`)}`)
            ?.focus();
      }}
    >
      <fieldset>
        <legend>{legend}</legend>
        <label htmlFor={`${id}-title`}>{t('export.field.title')}</label>
        <input
          {...field('title')}
          aria-describedby={describedBy('title')}
          type="text"
          required
          autoComplete="off"
          maxLength={ISSUE_LIMITS.titleMaxChars}
        />
        <label htmlFor={`${id}-issueNumber`}>{t('export.field.issueNumber')}</label>
        <input
          {...field('issueNumber')}
          aria-describedby={describedBy('issueNumber')}
          type="text"
          autoComplete="off"
          maxLength={ISSUE_LIMITS.issueNumberMaxChars}
        />
        <label htmlFor={`${id}-date`}>{t('export.field.date')}</label>
        <input
          {...field('date')}
          type="date"
          required
          aria-describedby={describedBy('date', `${id}-date-hint`)}
        />
        <p id={`${id}-date-hint`} className="muted small">
          {t('export.field.dateHint')}
        </p>
        <label htmlFor={`${id}-tagline`}>{t('export.field.tagline')}</label>
        <input
          {...field('tagline')}
          aria-describedby={describedBy('tagline')}
          type="text"
          autoComplete="off"
          maxLength={ISSUE_LIMITS.taglineMaxChars}
        />
      </fieldset>
      <fieldset className="issue-form__layouts">
        <legend>{t('export.field.layout')}</legend>
        {ISSUE_LAYOUTS.map((choice) => (
          <label key={choice} className="issue-form__layout">
            <input
              type="radio"
              name={`${id}-layout`}
              value={choice}
              checked={layout === choice}
              onChange={() => setLayout(choice)}
            />
            <span>
              {t(`export.layout.${choice}`)}
              <span className="muted small issue-form__layout-hint">
                {t(`export.layoutHint.${choice}`)}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      {error !== null ? (
        <p className="error" role="alert" id={errorId}>
          {error.text}
        </p>
      ) : null}
      <div className="issue-form__actions">
        <button type="button" className="button--quiet" onClick={onCancel}>
          {t('export.cancel')}
        </button>
        <button type="submit">{submitLabel}</button>
      </div>
    </form>
  );
}
