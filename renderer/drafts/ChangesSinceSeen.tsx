import { useId, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { hasChanges, type Changes } from '../../shared/seen/changesSince.ts';
import '../editor/changeMarks.css';

/**
 * What others changed in the open draft since this member last looked, in words (the marks in
 * the text say where), and "Mark as seen", which clears them.
 */
export function ChangesSinceSeen({
  changes,
  nameOf,
  onMarkSeen,
}: {
  readonly changes: Changes | undefined;
  readonly nameOf: (author: string | undefined) => string;
  readonly onMarkSeen: () => void;
}): ReactElement | null {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  if (!changes) return null;
  const changed = hasChanges(changes);
  const n = (value: number): string => value.toLocaleString(i18n.language);
  const names = [...new Set([...changes.authors].map(nameOf))].join(', ');
  return (
    <section className="changes-seen" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('editor.changes.heading')}</h3>
      {changed ? (
        <>
          <ul className="changes-seen__facts">
            {changes.insertedCharacters > 0 ? (
              <li>{t('editor.changes.inserted', { n: n(changes.insertedCharacters) })}</li>
            ) : null}
            {names !== '' ? <li>{t('editor.changes.by', { names })}</li> : null}
            {changes.deletedCharacters > 0 ? (
              <li>{t('editor.changes.deleted', { n: n(changes.deletedCharacters) })}</li>
            ) : null}
            {changes.removedBlocks.length > 0 ? (
              <li>{t('editor.changes.removedBlocks', { n: n(changes.removedBlocks.length) })}</li>
            ) : null}
          </ul>
          <p className="muted small">{t('editor.changes.explain')}</p>
          <button type="button" onClick={onMarkSeen}>
            {t('editor.changes.markSeen')}
          </button>
        </>
      ) : (
        <p className="muted small" role="status">
          {t('editor.changes.none')}
        </p>
      )}
    </section>
  );
}
