import { useId, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftEntry } from '../../shared/cell/DraftEntry.ts';
import type { IssueError } from '../../shared/export/IssueError.ts';
import type { NewsletterIssue } from '../../shared/export/NewsletterIssue.ts';
import type { Result } from '../../shared/util/result.ts';

/**
 * The drafts an issue prints, in order, with buttons to move each up or down or take it out,
 * and the cell's other drafts to add. After a move, focus follows the moved draft's button so a
 * keyboard user can keep moving it.
 */
export function DraftPicker({
  issue,
  drafts,
  writable,
  onChange,
}: {
  readonly issue: NewsletterIssue;
  readonly drafts: readonly DraftEntry[];
  readonly writable: boolean;
  readonly onChange: (draftIds: readonly string[]) => Result<void, IssueError>;
}): ReactElement {
  const { t } = useTranslation();
  const headingId = useId();
  const availableId = useId();
  const [error, setError] = useState<string | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const titleOf = (id: string): string => {
    const entry = drafts.find((draft) => draft.id === id);
    return entry === undefined || entry.title === '' ? t('drafts.untitled') : entry.title;
  };
  const headlineOf = (id: string): string =>
    drafts.find((draft) => draft.id === id)?.headline ?? '';
  const chosen = issue.draftIds.filter((id) => drafts.some((draft) => draft.id === id));
  const available = drafts.filter((draft) => !chosen.includes(draft.id));
  const apply = (next: readonly string[], focusKey?: string): void => {
    const result = onChange(next);
    setError(result.ok ? null : t('export.picker.failed'));
    if (result.ok && focusKey !== undefined) {
      requestAnimationFrame(() => buttons.current.get(focusKey)?.focus());
    }
  };
  const move = (index: number, by: -1 | 1): void => {
    const next = [...chosen];
    const [id] = next.splice(index, 1);
    if (id === undefined) return;
    const to = index + by;
    next.splice(to, 0, id);
    // Keep focus on the same kind of button, unless the draft reached the end it moved to.
    const edge = to === 0 || to === next.length - 1;
    apply(next, `${id}:${edge ? (by === -1 ? 'down' : 'up') : by === -1 ? 'up' : 'down'}`);
  };
  const ref = (key: string) => (el: HTMLButtonElement | null) => {
    if (el) buttons.current.set(key, el);
    else buttons.current.delete(key);
  };

  return (
    <section className="draft-picker" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('export.picker.heading')}</h3>
      {chosen.length === 0 ? (
        <p className="muted">
          {t(writable ? 'export.picker.noneChosen' : 'export.picker.noneChosenReader')}
        </p>
      ) : (
        <ol className="draft-picker__chosen">
          {chosen.map((id, index) => {
            const title = titleOf(id);
            return (
              <li key={id} className="draft-picker__item">
                <span className="draft-picker__title">
                  {title}
                  {headlineOf(id) === '' ? null : (
                    <span className="muted small draft-picker__headline">
                      {t('export.picker.printedAs', { headline: headlineOf(id) })}
                    </span>
                  )}
                </span>
                {writable ? (
                  <span className="draft-picker__actions">
                    <button
                      type="button"
                      className="button--icon"
                      ref={ref(`${id}:up`)}
                      disabled={index === 0}
                      aria-label={t('export.picker.up', { title })}
                      onClick={() => move(index, -1)}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      className="button--icon"
                      ref={ref(`${id}:down`)}
                      disabled={index === chosen.length - 1}
                      aria-label={t('export.picker.down', { title })}
                      onClick={() => move(index, 1)}
                    >
                      ↓
                    </button>
                    <button
                      type="button"
                      className="button--quiet"
                      aria-label={t('export.picker.remove', { title })}
                      onClick={() => apply(chosen.filter((other) => other !== id))}
                    >
                      {t('export.picker.removeShort')}
                    </button>
                  </span>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
      {writable ? (
        <>
          <h4 id={availableId}>{t('export.picker.available')}</h4>
          {available.length === 0 ? (
            <p className="muted small">
              {t(drafts.length === 0 ? 'export.picker.noDrafts' : 'export.picker.allChosen')}
            </p>
          ) : (
            <ul className="draft-picker__available" aria-labelledby={availableId}>
              {available.map((draft) => {
                const title = titleOf(draft.id);
                return (
                  <li key={draft.id} className="draft-picker__item">
                    <span className="draft-picker__title">
                      {title}
                      {headlineOf(draft.id) === '' ? null : (
                        <span className="muted small draft-picker__headline">
                          {t('export.picker.printedAs', { headline: headlineOf(draft.id) })}
                        </span>
                      )}
                    </span>
                    <button
                      type="button"
                      className="button--quiet"
                      aria-label={t('export.picker.add', { title })}
                      onClick={() => apply([...chosen, draft.id])}
                    >
                      {t('export.picker.addShort')}
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
        </>
      ) : null}
      {error !== null ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
